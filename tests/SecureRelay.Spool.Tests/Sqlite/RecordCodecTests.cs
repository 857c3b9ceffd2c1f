using System.Buffers;
using SecureRelay.Contracts;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>The envelope/status encodings reject every malformed input with InvalidDataException
/// (which recovery turns into a quarantine), never with a crash of another kind.</summary>
public sealed class RecordCodecTests
{
    private static readonly SpoolEnvelope Sample = new()
    {
        ReversePath = "s@x.example",
        Recipients = [new SpoolRecipient("a@one.example", 6, "rfc822;a@one.example"), new SpoolRecipient("b@two.example", 0, null)],
        ReceivedAt = new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)),
        EnvelopeId = "E1",
        DsnReturn = 1,
        Content = new ContentFacts(true, 998),
        Decision = new DecisionRecord
        {
            Verdict = VerdictClass.Phi,
            Score = 2.5,
            Detectors = ["dob", "care_event"],
            Category = MessageCategory.Treatment,
            Recipients =
            [
                new RecipientDecisionRecord { Rule = "phi-default", Methods = [DeliveryMethod.Smime, DeliveryMethod.Escrow], SignSmime = true },
                new RecipientDecisionRecord { Rule = "payers", Methods = [DeliveryMethod.TlsVerified], RequireTls = true, DomainTls = TlsRequirement.Verified },
            ],
        },
    };

    /// <summary><see cref="Sample"/> in envelope format 2 (decision record 1). Persisted: a change
    /// here means queued mail can no longer be read; raise the version instead.</summary>
    private const string SampleV2 =
        "AhZzQHguZXhhbXBsZYCKwu6uy9XeEbAYAAAAAQRFMQIADAQaYUBvbmUuZXhhbXBsZQwBKHJmYzgyMjthQG9uZS5leGFtcGxlGmJAdHdvLmV4YW1wbGUAAMwPAQICAAAAAAAAAAAEQAQGZG9iFGNhcmVfZXZlbnQEARZwaGktZGVmYXVsdAQBBQEAAQxwYXllcnMCAwIC";

    [Test]
    public void The_current_envelope_format_is_frozen()
    {
        var w = new ArrayBufferWriter<byte>();
        RecordCodec.WriteEnvelope(w, Sample);
        Assert.That(Convert.ToBase64String(w.WrittenSpan), Is.EqualTo(SampleV2));
    }

    [Test]
    public void The_decision_record_and_content_facts_round_trip()
    {
        var w = new ArrayBufferWriter<byte>();
        RecordCodec.WriteEnvelope(w, Sample);
        SpoolEnvelope back = RecordCodec.ReadEnvelope(w.WrittenSpan);
        DecisionRecord d = back.Decision;
        Assert.Multiple(() =>
        {
            Assert.That(back.Content, Is.EqualTo(new ContentFacts(true, 998)));
            Assert.That(d.Verdict, Is.EqualTo(VerdictClass.Phi));
            Assert.That(d.Score, Is.EqualTo(2.5));
            Assert.That(d.Detectors, Is.EqualTo(new[] { "dob", "care_event" }));
            Assert.That(d.Category, Is.EqualTo(MessageCategory.Treatment));
            Assert.That(d.Origin, Is.EqualTo(MessageOrigin.Submitted));
            Assert.That(d.RelatedQueueId, Is.Null);
            Assert.That(d.Recipients, Has.Count.EqualTo(2));
            Assert.That(d.Recipients[0].Rule, Is.EqualTo("phi-default"));
            Assert.That(d.Recipients[0].Methods, Is.EqualTo(new[] { DeliveryMethod.Smime, DeliveryMethod.Escrow }));
            Assert.That(d.Recipients[0].SignSmime, Is.True);
            Assert.That(d.Recipients[0].RequireTls, Is.False);
            Assert.That(d.Recipients[0].DomainTls, Is.EqualTo(TlsRequirement.None));
            Assert.That(d.Recipients[1].Rule, Is.EqualTo("payers"));
            Assert.That(d.Recipients[1].Methods, Is.EqualTo(new[] { DeliveryMethod.TlsVerified }));
            Assert.That(d.Recipients[1].SignSmime, Is.False);
            Assert.That(d.Recipients[1].RequireTls, Is.True);
            Assert.That(d.Recipients[1].DomainTls, Is.EqualTo(TlsRequirement.Verified));
        });
    }

    [Test]
    public void Relay_generated_and_undecided_messages_round_trip()
    {
        foreach (DecisionRecord decision in new[] { DecisionRecord.Undecided, DecisionRecord.RelayGenerated(MessageOrigin.EscrowNotice, "0000000000AB2", TlsRequirement.Any) })
        {
            var w = new ArrayBufferWriter<byte>();
            RecordCodec.WriteEnvelope(w, Sample with { Content = null, Decision = decision });
            SpoolEnvelope back = RecordCodec.ReadEnvelope(w.WrittenSpan);
            Assert.Multiple(() =>
            {
                Assert.That(back.Content, Is.Null);
                Assert.That(back.Decision.Verdict, Is.Null);
                Assert.That(back.Decision.Origin, Is.EqualTo(decision.Origin));
                Assert.That(back.Decision.RelatedQueueId, Is.EqualTo(decision.RelatedQueueId));
                Assert.That(back.Decision.Recipients.Select(r => r.DomainTls), Is.EqualTo(decision.Recipients.Select(r => r.DomainTls)));
                Assert.That(back.Decision.MethodsFor(0), Is.EqualTo(decision.MethodsFor(0)));
            });
        }
    }

    [Test]
    public void Unknown_enum_numbers_and_decision_versions_are_rejected()
    {
        var w = new ArrayBufferWriter<byte>();
        RecordCodec.WriteEnvelope(w, Sample with { Content = null, Decision = new DecisionRecord { Verdict = VerdictClass.Clean, Recipients = [new RecipientDecisionRecord { Methods = [DeliveryMethod.Tls] }] } });
        byte[] good = w.WrittenSpan.ToArray();
        // Layout tail: ... decision version, verdict, category, origin, related (0), score (8),
        // detectors (0), recipients (1): rule (0), methods (1), method, flags, domain TLS.
        int decisionAt = good.Length - 1 - 1 - 1 - 1 - 1 - 1 - 1 - 8 - 1 - 1 - 1 - 1 - 1;
        Assert.That(good[decisionAt], Is.EqualTo(DecisionRecord.CurrentVersion));
        Assert.That(RecordCodec.ReadEnvelope(good).Decision.Recipients[0].Methods, Is.EqualTo(new[] { DeliveryMethod.Tls }));
        (int Offset, byte Value, string What)[] corruptions =
        [
            (decisionAt, 2, "decision version"),
            (decisionAt + 1, 3, "verdict"),
            (decisionAt + 2, 10, "category"),
            (decisionAt + 3, 8, "origin"),
            (good.Length - 3, 7, "method"),
            (good.Length - 3, 0, "method zero"),
            (good.Length - 1, 3, "domain TLS"),
        ];
        foreach ((int offset, byte value, string what) in corruptions)
        {
            byte[] bad = (byte[])good.Clone();
            bad[offset] = value;
            Assert.Throws<InvalidDataException>(() => RecordCodec.ReadEnvelope(bad), what);
        }
    }

    [Test]
    public void Every_truncation_of_an_envelope_is_rejected()
    {
        var w = new ArrayBufferWriter<byte>();
        RecordCodec.WriteEnvelope(w, Sample);
        byte[] full = w.WrittenSpan.ToArray();
        Assert.That(RecordCodec.ReadEnvelope(full).Recipients, Is.EqualTo(Sample.Recipients));
        for (int len = 0; len < full.Length; len++)
        {
            byte[] cut = full[..len];
            Assert.Throws<InvalidDataException>(() => RecordCodec.ReadEnvelope(cut), $"length {len}");
        }

        Assert.Throws<InvalidDataException>(() => RecordCodec.ReadEnvelope([.. full, 0]), "trailing byte");
    }

    [Test]
    public void Random_corruption_never_escapes_as_another_exception()
    {
        var w = new ArrayBufferWriter<byte>();
        RecordCodec.WriteEnvelope(w, Sample);
        byte[] full = w.WrittenSpan.ToArray();
        var rnd = new Random(42);
        for (int i = 0; i < 5000; i++)
        {
            byte[] bad = (byte[])full.Clone();
            bad[rnd.Next(bad.Length)] = (byte)rnd.Next(256);
            try
            {
                RecordCodec.ReadEnvelope(bad);
            }
            catch (Exception ex) when (ex is InvalidDataException or OverflowException or ArgumentException)
            {
                // These are what RecordSealer maps to a quarantine.
            }
        }
    }

    [Test]
    public void Status_round_trips_and_must_match_the_recipient_count()
    {
        RecipientStatus[] statuses = [new(0, RecipientState.Delivered, 2, "250 ok"), new(1, RecipientState.Pending, 1, null)];
        var w = new ArrayBufferWriter<byte>();
        RecordCodec.WriteStatus(w, statuses);
        Assert.That(RecordCodec.ReadStatus(w.WrittenSpan, 2), Is.EqualTo(statuses));
        byte[] bytes = w.WrittenSpan.ToArray();
        Assert.Throws<InvalidDataException>(() => RecordCodec.ReadStatus(bytes, 3));
        Assert.Throws<InvalidDataException>(() => RecordCodec.ReadStatus(bytes.AsSpan(0, bytes.Length - 1), 2));
    }
}
