using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>Values written to disk must never change meaning (Garnet's PersistedEnumStabilityTests).</summary>
public sealed class PersistedFormatTests
{
    [Test]
    public void Queue_state_values_are_frozen()
    {
        Assert.That(Enum.GetValues<QueueState>().ToDictionary(v => v.ToString(), v => (int)v), Is.EquivalentTo(new Dictionary<string, int>
        {
            ["Active"] = 0, ["Deferred"] = 1, ["Held"] = 2,
        }));
    }

    [Test]
    public void Persisted_state_values_are_frozen()
    {
        Assert.That(Enum.GetValues<PersistedState>().ToDictionary(v => v.ToString(), v => (int)v), Is.EquivalentTo(new Dictionary<string, int>
        {
            ["Active"] = 0, ["Deferred"] = 1, ["Held"] = 2, ["Quarantined"] = 3,
        }));
        Assert.That((int)PersistedState.Held, Is.EqualTo((int)QueueState.Held));
    }

    [Test]
    public void Recipient_state_values_are_frozen()
    {
        Assert.That(Enum.GetValues<RecipientState>().ToDictionary(v => v.ToString(), v => (int)v), Is.EquivalentTo(new Dictionary<string, int>
        {
            ["Pending"] = 0, ["Delivered"] = 1, ["Bounced"] = 2, ["Expired"] = 3, ["Deleted"] = 4,
        }));
    }

    [Test]
    public void Format_constants_are_frozen()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SpoolFormat.SchemaVersion, Is.EqualTo(1));
            Assert.That(SpoolFormat.ChunkSize, Is.EqualTo(65536));
            Assert.That(SpoolFormat.EnvelopeVersion, Is.EqualTo(2));
            Assert.That(SpoolFormat.AnnotatedEnvelopeVersion, Is.EqualTo(1));
            Assert.That(SpoolFormat.StatusVersion, Is.EqualTo(1));
            Assert.That(SpoolFormat.NoncePrefixSize, Is.EqualTo(8));
        });
    }

    [Test]
    public void Queue_ids_are_short_unique_sortable_and_parse_back()
    {
        var ids = new QueueIds(0);
        var seen = new HashSet<string>();
        string previous = string.Empty;
        for (int i = 0; i < 10_000; i++)
        {
            long key = ids.NextKey();
            string id = QueueIds.Format(key);
            Assert.That(id, Has.Length.EqualTo(13).And.Match("^[0-9A-Z]+$"));
            Assert.That(string.CompareOrdinal(id, previous), Is.GreaterThan(0));
            Assert.That(seen.Add(id), Is.True);
            Assert.That(QueueIds.TryParse(id.ToLowerInvariant(), out long back), Is.True);
            Assert.That(back, Is.EqualTo(key));
            previous = id;
        }

        Assert.That(QueueIds.TryParse("ZZZZZZZZZZZZZ", out _), Is.False);
        Assert.That(QueueIds.TryParse("00000000000I0", out _), Is.False);
        Assert.That(QueueIds.TryParse("", out _), Is.False);
    }

    [Test]
    public void Ids_continue_after_the_highest_stored_key_even_if_the_clock_is_behind()
    {
        long future = long.MaxValue / 2;
        var ids = new QueueIds(future);
        Assert.That(ids.NextKey(), Is.EqualTo(future + 1));
    }
}
