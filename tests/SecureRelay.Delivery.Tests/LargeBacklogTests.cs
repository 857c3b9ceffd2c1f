using System.Diagnostics;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>A big queue costs compact entries, not loaded messages; the number of messages loaded
/// for delivery at once is bounded.</summary>
public class LargeBacklogTests
{
    [Test]
    public async Task ScheduledEntries_AreCompact()
    {
        const int count = 100_000;
        var spool = new InMemorySpool();
        var env = TestMessages.Envelope(Harness.Start, "app@sender.test", "r@dest.test");
        for (int i = 0; i < count; i++)
        {
            spool.Add(env, "Subject: x\n\nbody\n", Harness.Start.AddHours(1));
        }

        var time = new ManualTimeProvider(Harness.Start);
        await using var scheduler = new DeliveryScheduler(spool, Harness.RouteAllTo(1), timeProvider: time);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var sw = Stopwatch.StartNew();
        await scheduler.StartAsync(CancellationToken.None);
        sw.Stop();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        double perEntry = (after - before) / (double)count;
        TestContext.Out.WriteLine($"{count} entries loaded in {sw.ElapsedMilliseconds} ms, {perEntry:F0} bytes per entry beyond the queue id");
        Assert.That(scheduler.TrackedCount, Is.EqualTo(count));
        Assert.That(scheduler.InFlightCount, Is.Zero, "nothing due, nothing loaded");
        Assert.That(perEntry, Is.LessThan(150), "ids and times only, no envelopes");
    }

    [Test]
    public async Task DueBacklog_LoadsAtMostMaxReadyMessages()
    {
        await using var sink = new ScriptedSmtpSink { DataDelay = TimeSpan.FromMilliseconds(5) };
        var spool = new InMemorySpool();
        for (int i = 0; i < 400; i++)
        {
            spool.Add(TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", $"r{i}@dest.test"), TestMessages.Content());
        }

        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.MaxReadyMessages = 25;
        await using var scheduler = new DeliveryScheduler(spool, options);
        int peak = 0;
        using var cts = new CancellationTokenSource();
        Task sampler = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                peak = Math.Max(peak, scheduler.InFlightCount);
                await Task.Delay(1);
            }
        });
        await scheduler.StartAsync(CancellationToken.None);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0, TimeSpan.FromSeconds(30)), Is.True);
        await cts.CancelAsync();
        await sampler;
        Assert.That(sink.Messages, Has.Count.EqualTo(400));
        Assert.That(peak, Is.InRange(1, 25));
    }
}
