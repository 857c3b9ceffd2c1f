using SecureRelay.Contracts;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>
/// The upgrade path: envelopes written by the previous release (format 1, the decision as string
/// annotations keyed by recipient index) are read into decision records that deliver exactly as the
/// annotations did. The fixture holds the bytes that release's <c>RecordCodec</c> wrote
/// (Fixtures/envelopes-v1.txt, generated at 16bbdfc with the keys and spellings
/// <c>PolicyAnnotations.From</c>, the DSN writer and the escrow-notice writer produced).
/// </summary>
public sealed class LegacyEnvelopeTests
{
    private static readonly Dictionary<string, SpoolEnvelope> Fixture = File
        .ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "envelopes-v1.txt"))
        .Where(l => l.Length > 0 && l[0] != '#')
        .Select(l => l.Split(' '))
        .ToDictionary(p => p[0], p => RecordCodec.ReadEnvelope(Convert.FromBase64String(p[1])));

    [Test]
    public void Fixture_is_format_1()
    {
        foreach (string line in File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "envelopes-v1.txt")).Where(l => !l.StartsWith('#')))
        {
            Assert.That(Convert.FromBase64String(line.Split(' ')[1])[0], Is.EqualTo(SpoolFormat.AnnotatedEnvelopeVersion), line.Split(' ')[0]);
        }

        Assert.That(Fixture, Has.Count.EqualTo(6));
    }

    /// <summary>The message-level facts of a submitted, classified message.</summary>
    private static void AssertClassified(DecisionRecord d, VerdictClass verdict, double score, string[] detectors, MessageCategory category)
    {
        Assert.That(d.Verdict, Is.EqualTo(verdict));
        Assert.That(d.IsProtected, Is.EqualTo(verdict != VerdictClass.Clean));
        Assert.That(d.Score, Is.EqualTo(score));
        Assert.That(d.Detectors, Is.EqualTo(detectors));
        Assert.That(d.Category, Is.EqualTo(category));
        Assert.That(d.Origin, Is.EqualTo(MessageOrigin.Submitted));
    }

    [Test]
    public void Phi_message_keeps_each_recipients_methods_rule_and_flags()
    {
        SpoolEnvelope e = Fixture["phi-two-recipients"];
        DecisionRecord d = e.Decision;
        Assert.Multiple(() =>
        {
            Assert.That(e.Recipients.Select(r => r.Address), Is.EqualTo(new[] { "pat@hospital.example", "billing@payer.example" }));
            AssertClassified(d, VerdictClass.Phi, 2.5, ["dob", "care_event"], MessageCategory.Treatment);
            Assert.That(d.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Smime, DeliveryMethod.Pgp, DeliveryMethod.TlsVerified, DeliveryMethod.Escrow }));
            Assert.That(d.Recipient(0), Is.EqualTo(d.Recipients[0]));
            Assert.That(d.Recipients[0].Rule, Is.EqualTo("phi-default"));
            Assert.That(d.Recipients[0].SignSmime, Is.True);
            Assert.That(d.Recipients[0].RequireTls, Is.False);
            Assert.That(d.Recipients[0].DomainTls, Is.EqualTo(TlsRequirement.None));
            Assert.That(d.MethodsFor(1), Is.EqualTo(new[] { DeliveryMethod.TlsVerified, DeliveryMethod.Escrow }));
            Assert.That(d.Recipients[1].Rule, Is.EqualTo("payers"));
            Assert.That(d.Recipients[1].SignSmime, Is.False);
            Assert.That(d.Recipients[1].RequireTls, Is.True);
            Assert.That(d.Recipients[1].DomainTls, Is.EqualTo(TlsRequirement.Verified));
            Assert.That(e.Content, Is.EqualTo(new ContentFacts(true, 998)));
            Assert.That(e.RequireTls, Is.False);
        });
    }

    [Test]
    public void Clean_message_stays_opportunistic_under_its_domain_demand()
    {
        SpoolEnvelope e = Fixture["clean-opportunistic"];
        DecisionRecord d = e.Decision;
        Assert.Multiple(() =>
        {
            AssertClassified(d, VerdictClass.Clean, 0, [], MessageCategory.Unspecified);
            Assert.That(d.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Opportunistic }));
            Assert.That(d.Recipients[0].Rule, Is.EqualTo("(default)"));
            Assert.That(d.Recipients[0].DomainTls, Is.EqualTo(TlsRequirement.Any));
            Assert.That(e.Content, Is.EqualTo(new ContentFacts(false, 76)));
        });
    }

    [Test]
    public void Uncertain_message_keeps_the_clients_requiretls()
    {
        SpoolEnvelope e = Fixture["uncertain-requiretls"];
        DecisionRecord d = e.Decision;
        Assert.Multiple(() =>
        {
            AssertClassified(d, VerdictClass.Uncertain, 0.75, ["unreadable:encrypted_pdf"], MessageCategory.Operations);
            Assert.That(d.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.TlsVerified, DeliveryMethod.Tls, DeliveryMethod.Escrow }));
            Assert.That(d.Recipients[0].Rule, Is.EqualTo("uncertain"));
            Assert.That(d.Recipients[0].RequireTls, Is.False, "the policy did not ask for it");
            Assert.That(e.RequireTls, Is.True, "the client did");
            Assert.That(e.Content, Is.Null);
        });
    }

    [Test]
    public void Relay_generated_messages_go_opportunistic_and_keep_what_they_are_about()
    {
        DecisionRecord dsn = Fixture["dsn"].Decision;
        DecisionRecord notice = Fixture["escrow-notice"].Decision;
        Assert.Multiple(() =>
        {
            Assert.That(dsn.Origin, Is.EqualTo(MessageOrigin.DeliveryReport));
            Assert.That(dsn.RelatedQueueId, Is.EqualTo("0000000000AB1"));
            Assert.That(dsn.Verdict, Is.Null);
            Assert.That(dsn.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Opportunistic }));
            Assert.That(dsn.Recipient(0)!.DomainTls, Is.EqualTo(TlsRequirement.None));
            Assert.That(notice.Origin, Is.EqualTo(MessageOrigin.EscrowNotice));
            Assert.That(notice.RelatedQueueId, Is.EqualTo("0000000000AB2"));
            Assert.That(notice.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Opportunistic }));
            Assert.That(notice.Recipient(0)!.DomainTls, Is.EqualTo(TlsRequirement.Verified), "the domain's TLS demand covers notices");
        });
    }

    [Test]
    public void A_message_without_annotations_fails_closed()
    {
        DecisionRecord d = Fixture["no-annotations"].Decision;
        Assert.Multiple(() =>
        {
            Assert.That(d.Origin, Is.EqualTo(MessageOrigin.Submitted));
            Assert.That(d.Verdict, Is.Null);
            Assert.That(d.IsProtected, Is.True);
            Assert.That(d.MethodsFor(0), Is.EqualTo(DecisionRecord.FailClosedMethods));
        });
    }

    [Test]
    public void Upgraded_envelopes_are_rewritten_in_the_current_format_with_the_same_decision()
    {
        // A retry rewrites nothing today, but a hold/release or a future rewrite must not lose the decision.
        foreach ((string name, SpoolEnvelope old) in Fixture)
        {
            var w = new System.Buffers.ArrayBufferWriter<byte>();
            RecordCodec.WriteEnvelope(w, old);
            Assert.That(w.WrittenSpan[0], Is.EqualTo(SpoolFormat.EnvelopeVersion));
            TestContext.Out.WriteLine($"{name}: format 2 envelope {w.WrittenCount} bytes");
            SpoolEnvelope again = RecordCodec.ReadEnvelope(w.WrittenSpan);
            for (int i = 0; i < old.Recipients.Count + 1; i++)
            {
                Assert.That(again.Decision.MethodsFor(i), Is.EqualTo(old.Decision.MethodsFor(i)), $"{name} recipient {i}");
                Assert.That(again.Decision.Recipient(i)?.Rule, Is.EqualTo(old.Decision.Recipient(i)?.Rule), $"{name} recipient {i}");
                Assert.That(again.Decision.Recipient(i)?.DomainTls, Is.EqualTo(old.Decision.Recipient(i)?.DomainTls), $"{name} recipient {i}");
            }

            Assert.That((again.Decision.Verdict, again.Decision.Category, again.Decision.Origin, again.Decision.RelatedQueueId, again.Content),
                Is.EqualTo((old.Decision.Verdict, old.Decision.Category, old.Decision.Origin, old.Decision.RelatedQueueId, old.Content)), name);
        }
    }
}
