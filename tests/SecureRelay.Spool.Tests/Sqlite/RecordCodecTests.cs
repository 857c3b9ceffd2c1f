using System.Buffers;
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
        Annotations = new Dictionary<string, string> { ["k"] = "v" },
    };

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
