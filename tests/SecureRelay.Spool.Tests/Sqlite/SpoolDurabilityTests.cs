using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

public sealed class SpoolDurabilityTests : SpoolTestBase
{
    [Test]
    public async Task Reopen_after_dispose_keeps_every_committed_message()
    {
        SqliteMessageSpool spool = await OpenAsync();
        var written = new Dictionary<string, byte[]>();
        for (int i = 0; i < 20; i++)
        {
            byte[] c = Content(1000 + (i * 7000), i);
            written[(await WriteAsync(spool, c)).QueueId] = c;
        }

        await CloseAsync(spool);
        Assert.That(File.Exists(Path.Combine(DataDir, "spool.db-wal")) ? new FileInfo(Path.Combine(DataDir, "spool.db-wal")).Length : 0, Is.Zero, "dispose checkpoints the WAL");

        spool = await OpenAsync();
        Assert.That(LastReport!.Messages, Is.EqualTo(20));
        Assert.That(LastReport.Quarantined, Is.Empty);
        foreach ((string id, byte[] c) in written)
        {
            Assert.That(await ReadAllAsync(spool, id), Is.EqualTo(c), id);
        }
    }

    [Test]
    public async Task Abrupt_stop_keeps_every_committed_message()
    {
        SqliteMessageSpool spool = await OpenAsync();
        var written = new Dictionary<string, byte[]>();
        var tasks = Enumerable.Range(0, 50).Select(async i =>
        {
            byte[] c = Content(3000 + (i * 3001), i);
            QueuedMessage m = await WriteAsync(spool, c);
            lock (written)
            {
                written[m.QueueId] = c;
            }
        });
        await Task.WhenAll(tasks);

        // Every CommitAsync returned: the process "dies" now (no dispose, no checkpoint).
        string crashed = Path.Combine(Root, "crashed");
        CopyAsCrashed(DataDir, crashed);
        Assert.That(new FileInfo(Path.Combine(crashed, "spool.db-wal")).Length, Is.GreaterThan(0), "committed data is still only in the WAL");

        SqliteMessageSpool recovered = await OpenAsync(crashed);
        Assert.That(LastReport!.Messages, Is.EqualTo(50));
        foreach ((string id, byte[] c) in written)
        {
            Assert.That(await ReadAllAsync(recovered, id), Is.EqualTo(c), id);
        }
    }

    [Test]
    public async Task Writer_disposed_without_commit_leaves_nothing()
    {
        SqliteMessageSpool spool = await OpenAsync();
        await using (ISpoolWriter w = spool.CreateWriter())
        {
            await w.WriteAsync(Content(100), CancellationToken.None);
        }

        await using (ISpoolWriter w = spool.CreateWriter())
        {
            // Large enough to spill chunks to the database before the (missing) commit.
            await w.WriteAsync(Content(5 * SpoolFormat.ChunkSize + 10), CancellationToken.None);
        }

        await spool.FlushAsync();
        Assert.That((await spool.CountAsync(CancellationToken.None)).Active, Is.Zero);
        Assert.That(await ListAsync(spool), Is.Empty);
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM chunk"), Is.Zero);
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM incomplete"), Is.Zero);
    }

    [Test]
    public async Task Message_half_written_when_the_process_died_leaves_nothing_after_recovery()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage kept = await WriteAsync(spool, Content(10_000));
        ISpoolWriter w = spool.CreateWriter();
        await w.WriteAsync(Content(4 * SpoolFormat.ChunkSize + 5), CancellationToken.None);
        await spool.FlushAsync(); // the spilled chunks are durable; the commit never comes
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM chunk"), Is.EqualTo(5));

        string crashed = Path.Combine(Root, "crashed");
        CopyAsCrashed(DataDir, crashed);
        SqliteMessageSpool recovered = await OpenAsync(crashed);

        Assert.That(LastReport!.Messages, Is.EqualTo(1));
        Assert.That((await ListAsync(recovered)).Select(m => m.QueueId), Is.EqualTo(new[] { kept.QueueId }));
        Assert.That(Sql(recovered.DatabasePath, "SELECT count(*) FROM chunk"), Is.EqualTo(1), "only the kept message's chunk");
        await w.DisposeAsync();
    }

#if DEBUG
    [Test]
    public async Task Crash_after_write_before_fsync_leaves_nothing_visible()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage before = await WriteAsync(spool, Content(2000));
        spool.Faults.CrashAfterWriteBeforeFsync = true;
        Task<QueuedMessage> pending = WriteAsync(spool, Content(200_000, 9));
        await WaitUntilAsync(() => spool.Faults.IsParked);
        Assert.That(pending.IsCompleted, Is.False, "no 250 before the fsync");

        string crashed = Path.Combine(Root, "crashed");
        CopyAsCrashed(DataDir, crashed);
        SqliteMessageSpool recovered = await OpenAsync(crashed);
        Assert.That((await ListAsync(recovered)).Select(m => m.QueueId), Is.EqualTo(new[] { before.QueueId }));
        Assert.That(Sql(recovered.DatabasePath, "SELECT count(*) FROM chunk"), Is.EqualTo(1));

        await CloseAsync(spool); // releases the parked loop; the pending commit fails
        Assert.ThrowsAsync<SpoolException>(async () => await pending);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out");
            await Task.Delay(10);
        }
    }
#endif

    [Test]
    public async Task Dispose_flushes_commits_in_flight()
    {
        SqliteMessageSpool spool = await OpenAsync();
        Task<QueuedMessage>[] tasks = Enumerable.Range(0, 40).Select(i => Task.Run(() => WriteAsync(spool, Content(500, i)))).ToArray();
        await Task.Delay(5);
        await CloseAsync(spool);
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        var acknowledged = tasks.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result.QueueId).ToList();
        Assert.That(tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException), Is.All.InstanceOf<SpoolException>().Or.InstanceOf<ObjectDisposedException>());
        Assert.Throws<SpoolException>(() => spool.CreateWriter());

        spool = await OpenAsync();
        Assert.That((await ListAsync(spool)).Select(m => m.QueueId), Is.SupersetOf(acknowledged), "every acknowledged message survives shutdown");
    }
}
