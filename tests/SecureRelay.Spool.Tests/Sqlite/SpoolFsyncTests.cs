using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>Only changes that must survive a crash pay for an fsync: message commits (and admin
/// changes) do; delivery records and spilled chunks ride along or commit without one.</summary>
public sealed class SpoolFsyncTests : SpoolTestBase
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Message_commits_fsync_and_delivery_records_alone_do_not()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage m = await WriteAsync(spool, Content(1000), Envelope("a@one.example"));
        long fsyncs = spool.Stats.Fsyncs;
        long batches = spool.Stats.Batches;
        Assert.That(fsyncs, Is.GreaterThanOrEqualTo(1), "the message commit fsynced");

        QueuedMessage? after = await spool.RecordAttemptAsync(m.QueueId,
            [new RecipientOutcome(0, RecipientState.Pending, "451 4.3.0 later")], QueueState.Deferred, DateTimeOffset.UtcNow.AddMinutes(5), None);
        Assert.That(after, Is.Not.Null);
        Assert.That(spool.Stats.Batches, Is.EqualTo(batches + 1));
        Assert.That(spool.Stats.Fsyncs, Is.EqualTo(fsyncs), "a batch of only a delivery record does not fsync");

        QueuedMessage second = await WriteAsync(spool, Content(1000, 2), Envelope("b@two.example"));
        Assert.That(spool.Stats.Fsyncs, Is.EqualTo(fsyncs + 1), "the next message commit fsyncs again");

        // Both changes are there after a clean restart (the durable commit's fsync covered the record).
        await CloseAsync(spool);
        SqliteMessageSpool reopened = await OpenAsync();
        QueuedMessage? first = await reopened.GetAsync(m.QueueId, None);
        Assert.That(first!.State, Is.EqualTo(QueueState.Deferred));
        Assert.That(first.Recipients[0].Attempts, Is.EqualTo(1));
        Assert.That(await reopened.GetAsync(second.QueueId, None), Is.Not.Null);
    }

    [Test]
    public async Task A_large_message_fsyncs_once_for_its_spilled_chunks_and_commit()
    {
        SqliteMessageSpool spool = await OpenAsync();
        long before = spool.Stats.Fsyncs;
        QueuedMessage m = await WriteAsync(spool, Content((3 * SpoolFormat.ChunkSize) + 5), Envelope("a@one.example"), pieces: 9);
        Assert.That(spool.Stats.Fsyncs - before, Is.EqualTo(1), "spilled chunks ride on the commit's fsync");
        Assert.That(await ReadAllAsync(spool, m.QueueId), Has.Length.EqualTo((3 * SpoolFormat.ChunkSize) + 5));
    }
}
