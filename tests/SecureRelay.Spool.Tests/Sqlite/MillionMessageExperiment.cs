using System.Diagnostics;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>The 1M-message recovery figure for the design target (≤ 30 s). Explicit: it takes
/// about a minute of disk time, so it is run by hand; it prints and checks counts only.</summary>
[Explicit("Measurement, run by hand")]
public sealed class MillionMessageExperiment : SpoolTestBase
{
    [Test]
    public async Task Recover_and_enumerate_one_million()
    {
        const int total = 1_000_000;
        SqliteMessageSpool spool = await OpenAsync();
        var sw = Stopwatch.StartNew();
        await FillAsync(spool, total, writers: 64, Content(1024), () => Envelope("patient@clinic.example", "billing@payer.example"));
        TestContext.Out.WriteLine($"filled {total} x 1 KiB in {sw.Elapsed.TotalSeconds:F1}s ({total / sw.Elapsed.TotalSeconds:F0}/s, {(double)spool.Stats.MessageCommits / spool.Stats.Batches:F1} commits/fsync)");
        await CloseAsync(spool);
        GC.Collect();
        long before = Process.GetCurrentProcess().WorkingSet64;

        sw.Restart();
        spool = await OpenAsync();
        TestContext.Out.WriteLine($"recovery: {LastReport!.Messages} messages in {sw.Elapsed.TotalSeconds:F1}s; working set {before >> 20} -> {Process.GetCurrentProcess().WorkingSet64 >> 20} MiB");
        Assert.That(LastReport.Messages, Is.EqualTo(total));

        sw.Restart();
        long n = 0;
        await foreach (QueuedMessage m in spool.EnumerateAsync(new SpoolQuery(), CancellationToken.None))
        {
            n++;
        }

        TestContext.Out.WriteLine($"enumerate: {n} in {sw.Elapsed.TotalSeconds:F1}s ({n / sw.Elapsed.TotalSeconds:F0}/s); working set {Process.GetCurrentProcess().WorkingSet64 >> 20} MiB; db {new FileInfo(spool.DatabasePath).Length >> 20} MiB");
        Assert.That(n, Is.EqualTo(total));
    }
}
