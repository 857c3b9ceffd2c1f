using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Start-up loads the spool; StopAsync finishes in-flight transactions before returning.</summary>
public class LifecycleTests
{
    [Test]
    public async Task Start_LoadsDueMessages_SkipsHeldAndFuture()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        var time = new ManualTimeProvider(Harness.Start);
        QueuedMessage due1 = spool.Add(TestMessages.Envelope(Harness.Start, "app@sender.test", "a@dest.test"), TestMessages.Content());
        QueuedMessage due2 = spool.Add(TestMessages.Envelope(Harness.Start, "app@sender.test", "b@dest.test"), TestMessages.Content());
        QueuedMessage held = spool.Add(TestMessages.Envelope(Harness.Start, "app@sender.test", "c@dest.test"), TestMessages.Content());
        await spool.HoldAsync(held.QueueId, CancellationToken.None);
        QueuedMessage later = spool.Add(TestMessages.Envelope(Harness.Start, "app@sender.test", "d@dest.test"), TestMessages.Content(), Harness.Start.AddHours(1));

        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), timeProvider: time).StartedAsync();
        scheduler.Enqueue(spool.Peek(due1.QueueId)!); // the host may race the load: no duplicate

        Assert.That(await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Peek(due1.QueueId) is null && spool.Peek(due2.QueueId) is null), Is.True);
        await Task.Delay(200);
        Assert.That(sink.Messages.Select(m => m.RcptTo.Single()), Is.EquivalentTo(new[] { "a@dest.test", "b@dest.test" }));
        Assert.That(scheduler.TrackedCount, Is.EqualTo(1), "only the future message is still scheduled");

        time.Advance(TimeSpan.FromHours(1));
        Assert.That(await sink.WaitForMessagesAsync(3, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(spool.Peek(held.QueueId), Is.Not.Null, "held stays held");
        Assert.That(sink.Messages.Count, Is.EqualTo(3));
    }

    [Test]
    public async Task Stop_FinishesInFlightDelivery()
    {
        await using var sink = new ScriptedSmtpSink { DataDelay = TimeSpan.FromSeconds(1) };
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port)).StartedAsync();
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test"));
        await sink.DataStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await scheduler.StopAsync(CancellationToken.None);

        Assert.That(sink.Messages, Has.Count.EqualTo(1), "the transaction completed");
        Assert.That(spool.Count, Is.Zero, "and was recorded before StopAsync returned");
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "late@dest.test"));
        await Task.Delay(300);
        Assert.That(sink.Messages, Has.Count.EqualTo(1), "no new work after stop");
        Assert.That(spool.Count, Is.EqualTo(1), "the late message stays in the spool for the next start");
    }

    [Test]
    public async Task StopWithCancelledToken_DefersInFlight()
    {
        await using var sink = new ScriptedSmtpSink { DataDelay = TimeSpan.FromSeconds(5) };
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port)).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test"));
        await sink.DataStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await scheduler.StopAsync(cts.Token);
        Assert.That(sw.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
        QueuedMessage after = spool.Peek(q.QueueId)!;
        Assert.That(after.Recipients[0].State, Is.EqualTo(RecipientState.Pending), "never lost: deferred");
    }
}
