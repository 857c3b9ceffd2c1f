using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>Who resumes the waiters of the commit loop, and what the WAL file does between loads.</summary>
public sealed class SpoolCommitThreadingTests : SpoolTestBase
{
    private static readonly CancellationToken None = CancellationToken.None;

    [TestCase(true, "spool-complete")]
    [TestCase(false, "the thread pool")]
    public async Task A_commit_resumes_its_waiter_on_the_completion_thread_only_when_the_writer_asked(bool resumeOnCompletionThread, string expected)
    {
        SqliteMessageSpool spool = await OpenAsync();
        await using ISpoolWriter writer = spool.CreateWriter(resumeOnCompletionThread);
        await writer.WriteAsync(Content(500), None);

        // Hold the commit loop inside a batch so that the commit below cannot finish before its waiter
        // is registered: then where the waiter runs is decided by the spool alone.
        using var gate = new ManualResetEventSlim();
        var holder = new GateOp(gate);
        spool.Enqueue(holder);
        Task<QueuedMessage> commit = writer.CommitAsync(Envelope("a@one.example"), None).AsTask();
        Task<string> resumedOn = commit.ContinueWith(
            _ => Thread.CurrentThread.Name == "spool-complete" ? "spool-complete" : Thread.CurrentThread.IsThreadPoolThread ? "the thread pool" : "thread " + Thread.CurrentThread.Name,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        gate.Set();
        Assert.That(await resumedOn, Is.EqualTo(expected));
        Assert.That((await commit).QueueId, Is.Not.Empty);
        await holder.Task;
    }

    /// <summary>Blocks the commit loop (inside its transaction) until the gate opens.</summary>
    private sealed class GateOp(ManualResetEventSlim gate) : SpoolOp<bool>
    {
        public override void Execute(WriteSession session)
        {
            gate.Wait(TimeSpan.FromSeconds(30));
            Result = true;
        }
    }

    [Test]
    public async Task The_wal_file_is_truncated_once_the_spool_is_quiet_and_nothing_is_lost()
    {
        SqliteMessageSpool spool = await OpenAsync(configure: o => o with { CheckpointInterval = TimeSpan.FromMilliseconds(10), WalTruncateWhenIdle = TimeSpan.FromMilliseconds(200) });
        string wal = Path.Combine(DataDir, "spool.db-wal");
        var written = new List<(QueuedMessage Message, byte[] Content)>();
        for (int i = 0; i < 20; i++)
        {
            byte[] content = Content(20_000, i);
            written.Add((await WriteAsync(spool, content, Envelope("a@one.example")), content));
        }

        Assert.That(new FileInfo(wal).Length, Is.GreaterThan(0), "commits went to the WAL");
        for (int i = 0; i < 200 && new FileInfo(wal).Length > 0; i++)
        {
            await Task.Delay(50);
        }

        Assert.That(new FileInfo(wal).Length, Is.EqualTo(0), "truncated after the quiet spell");
        foreach ((QueuedMessage message, byte[] content) in written)
        {
            Assert.That(await ReadAllAsync(spool, message.QueueId), Is.EqualTo(content));
        }

        // And the spool goes on working: the next commit grows the WAL again.
        QueuedMessage next = await WriteAsync(spool, Content(1000, 99), Envelope("b@two.example"));
        Assert.That(new FileInfo(wal).Length, Is.GreaterThan(0));
        await CloseAsync(spool);
        SqliteMessageSpool reopened = await OpenAsync();
        Assert.That(await ReadAllAsync(reopened, next.QueueId), Is.EqualTo(Content(1000, 99)));
    }
}
