using System.Diagnostics;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>Concurrency and scale. The printed rates are measurements for the report; nothing here
/// asserts on time (timed unit tests are flaky on a shared 2-core box).</summary>
public sealed class SpoolThroughputTests : SpoolTestBase
{
    [Test]
    public async Task Many_writers_get_distinct_ids_all_readable_and_commits_share_fsyncs()
    {
        SqliteMessageSpool spool = await OpenAsync();
        const int writers = 32, perWriter = 40;
        var results = new QueuedMessage[writers * perWriter];
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < perWriter; i++)
            {
                results[(w * perWriter) + i] = await WriteAsync(spool, Content(2000 + w, (w * 1000) + i));
            }
        })));

        Assert.That(results.Select(r => r.QueueId).Distinct().Count(), Is.EqualTo(writers * perWriter));
        for (int w = 0; w < writers; w += 7)
        {
            Assert.That(await ReadAllAsync(spool, results[w * perWriter].QueueId), Is.EqualTo(Content(2000 + w, w * 1000)));
        }

        Assert.That(await ListAsync(spool), Has.Count.EqualTo(writers * perWriter));
        TestContext.Out.WriteLine($"{spool.Stats.MessageCommits} commits in {spool.Stats.Batches} batches");
        Assert.That(spool.Stats.MessageCommits, Is.EqualTo(writers * perWriter));
        Assert.That(spool.Stats.Batches, Is.LessThan(spool.Stats.MessageCommits), "group commit batches concurrent commits");
    }

    [TestCase(20)]
    [TestCase(50)]
    public async Task Throughput_10KB_messages(int writers)
    {
        double fsyncMs = MeasureFsyncMs(Root);
        SqliteMessageSpool spool = await OpenAsync();
        byte[] body = Content(10 * 1024);
        const int target = 20_000;
        long batchesBefore = spool.Stats.Batches;
        var sw = Stopwatch.StartNew();
        // Bounded in count and in time (a slow shared disk must not stall the suite).
        int total = await FillAsync(spool, target, writers, body, () => Envelope("patient@clinic.example"), TimeSpan.FromSeconds(20));
        sw.Stop();
        long batches = spool.Stats.Batches - batchesBefore;
        TestContext.Out.WriteLine($"fsync now ~{fsyncMs:F2} ms; writers={writers} commits={total} elapsed={sw.Elapsed.TotalSeconds:F2}s rate={total / sw.Elapsed.TotalSeconds:F0}/s fsyncs={batches} fsyncs/commit={(double)batches / total:F3} commits/fsync={(double)total / batches:F1} " +
            $"loop: execute={spool.Stats.ExecuteTicks * 1000.0 / Stopwatch.Frequency:F0}ms commit={spool.Stats.CommitTicks * 1000.0 / Stopwatch.Frequency:F0}ms");
        Assert.That((await spool.CountAsync(CancellationToken.None)).Active, Is.EqualTo(total));
    }

    /// <summary>What one write+fsync costs on this disk right now (the box is shared, so it varies).</summary>
    private static double MeasureFsyncMs(string dir)
    {
        string path = Path.Combine(dir, "fsync.probe");
        var block = new byte[4096];
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write);
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 100; i++)
        {
            fs.Write(block);
            fs.Flush(flushToDisk: true);
        }

        return sw.Elapsed.TotalMilliseconds / 100;
    }

    [Test]
    public async Task Enumerate_100k_messages_smoke()
    {
        SqliteMessageSpool spool = await OpenAsync();
        const int target = 100_000;
        var sw = Stopwatch.StartNew();
        int total = await FillAsync(spool, target, writers: 32, Content(512), () => Envelope("a@one.example", "b@two.example"), TimeSpan.FromSeconds(45));
        TestContext.Out.WriteLine($"filled {total} in {sw.Elapsed.TotalSeconds:F2}s");
        await CloseAsync(spool);

        sw.Restart();
        spool = await OpenAsync();
        TestContext.Out.WriteLine($"recovery of {LastReport!.Messages} in {sw.Elapsed.TotalSeconds:F2}s ({LastReport.Messages / sw.Elapsed.TotalSeconds:F0}/s)");
        Assert.That(LastReport.Messages, Is.EqualTo(total));

        sw.Restart();
        long count = 0;
        await foreach (QueuedMessage m in spool.EnumerateAsync(new SpoolQuery(), CancellationToken.None))
        {
            count += m.Envelope.Recipients.Count;
        }

        TestContext.Out.WriteLine($"enumerate of {total} in {sw.Elapsed.TotalSeconds:F2}s ({total / sw.Elapsed.TotalSeconds:F0}/s)");
        Assert.That(count, Is.EqualTo(2 * total));
        sw.Restart();
        int domain = 0;
        await foreach (QueuedMessage m in spool.EnumerateAsync(new SpoolQuery { RecipientDomain = "two.example", Limit = total / 2 }, CancellationToken.None))
        {
            domain++;
        }

        TestContext.Out.WriteLine($"domain-filtered enumerate of {domain} in {sw.Elapsed.TotalSeconds:F2}s");
        Assert.That(domain, Is.EqualTo(total / 2));
    }
}
