using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>Who resumes the waiters of the commit loop, and what the WAL file does between loads.</summary>
public sealed class SpoolCommitThreadingTests : SpoolTestBase
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task A_writer_that_asks_for_it_resumes_on_the_completion_thread_others_on_the_pool()
    {
        SqliteMessageSpool spool = await OpenAsync();
        for (int i = 0; i < 3; i++)
        {
            // Back on the pool first: a task already complete would simply continue on this thread.
            await Task.Yield();
            await using ISpoolWriter plain = spool.CreateWriter();
            await plain.WriteAsync(Content(500, i), None).ConfigureAwait(false);
            await plain.CommitAsync(Envelope("a@one.example"), None).ConfigureAwait(false);
            Assert.That(Thread.CurrentThread.IsThreadPoolThread, Is.True, "a writer that did not ask resumes on the pool, not on " + Thread.CurrentThread.Name);
        }

        for (int attempt = 1; ; attempt++)
        {
            await Task.Yield();
            await using ISpoolWriter smtp = spool.CreateWriter(resumeOnCompletionThread: true);
            await smtp.WriteAsync(Content(500), None).ConfigureAwait(false);
            ValueTask<QueuedMessage> commit = smtp.CommitAsync(Envelope("a@one.example"), None);
            if (commit.IsCompleted && attempt < 20)
            {
                // This thread was descheduled past the fsync: nothing was left to resume. Again.
                await commit;
                continue;
            }

            await commit.ConfigureAwait(false);
            Assert.That(Thread.CurrentThread.Name, Is.EqualTo("spool-complete"), "the SMTP session's 250 goes out without a thread-pool hop");
            break;
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
