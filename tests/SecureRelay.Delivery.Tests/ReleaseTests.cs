using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Releasing a deferred message (<c>queue release</c>, <c>queue flush</c>) delivers it now,
/// not at its old retry time, and never twice.</summary>
public class ReleaseTests
{
    [Test]
    public async Task ReleasedDeferredMessage_IsDeliveredNow_Once()
    {
        bool recovered = false;
        await using var sink = new ScriptedSmtpSink { RcptReply = _ => Volatile.Read(ref recovered) ? "250 2.1.5 Ok" : "451 4.3.0 Error: try again later" };
        var spool = new InMemorySpool();
        var time = new ManualTimeProvider(Harness.Start);
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), timeProvider: time).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(Harness.Start, "app@sender.test", "r@dest.test"));
        Assert.That(await Harness.WaitUntilAsync(() => spool.Peek(q.QueueId)?.State == QueueState.Deferred && scheduler.InFlightCount == 0), Is.True);
        Assert.That(spool.Peek(q.QueueId)!.NextAttempt, Is.EqualTo(Harness.Start.AddMinutes(5)), "deferred for five minutes");

        // The next hop is back; the clock never reaches the retry time, so only the release can send it.
        Volatile.Write(ref recovered, true);
        Assert.That(await spool.ReleaseAsync(q.QueueId, CancellationToken.None), Is.True);
        scheduler.Enqueue(spool.Peek(q.QueueId)!);

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True, "delivered on release, not at the retry time");
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0 && scheduler.TrackedCount == 0), Is.True);

        // The stale entry for the old retry time comes due: it must not send the message again.
        time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);
        Assert.Multiple(() =>
        {
            Assert.That(sink.Messages, Has.Count.EqualTo(1));
            Assert.That(spool.Attempts, Has.Count.EqualTo(2), "the deferral and the delivery");
            Assert.That(spool.Attempts[^1].Outcomes.Single().State, Is.EqualTo(RecipientState.Delivered));
        });
    }

    [Test]
    public async Task FlushOfManyDeferred_DeliversEachExactlyOnce()
    {
        const int count = 40;
        bool recovered = false;
        await using var sink = new ScriptedSmtpSink { RcptReply = _ => Volatile.Read(ref recovered) ? "250 2.1.5 Ok" : "451 4.3.0 Error: try again later" };
        var spool = new InMemorySpool();
        var time = new ManualTimeProvider(Harness.Start);
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        // Smaller than the backlog, so the flush also goes through the memory bound.
        options.MaxReadyMessages = 8;
        await using var scheduler = new DeliveryScheduler(spool, options, timeProvider: time);
        for (int i = 0; i < count; i++)
        {
            spool.Add(TestMessages.Envelope(Harness.Start, "app@sender.test", $"r{i}@dest.test"), TestMessages.Content());
        }

        await scheduler.StartAsync(CancellationToken.None);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count == count && scheduler.InFlightCount == 0, TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(spool.All().All(m => m.State == QueueState.Deferred), Is.True);

        Volatile.Write(ref recovered, true);
        foreach (QueuedMessage m in spool.All())
        {
            Assert.That(await spool.ReleaseAsync(m.QueueId, CancellationToken.None), Is.True);
            scheduler.Enqueue(spool.Peek(m.QueueId)!);
            // A second flush while the first is under way changes nothing.
            scheduler.Enqueue(spool.Peek(m.QueueId)!);
        }

        Assert.That(await sink.WaitForMessagesAsync(count, TimeSpan.FromSeconds(30)), Is.True);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0 && scheduler.TrackedCount == 0), Is.True);
        time.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(300);
        Assert.Multiple(() =>
        {
            Assert.That(sink.Messages, Has.Count.EqualTo(count));
            Assert.That(sink.Messages.SelectMany(m => m.RcptTo).Distinct().Count(), Is.EqualTo(count), "each recipient once");
            Assert.That(spool.Attempts, Has.Count.EqualTo(2 * count));
        });
    }

    [Test]
    public async Task EnqueueWhileInFlight_DoesNotDeliverTwice()
    {
        await using var sink = new ScriptedSmtpSink { DataDelay = TimeSpan.FromSeconds(1) };
        var spool = new InMemorySpool();
        var time = new ManualTimeProvider(Harness.Start);
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), timeProvider: time).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(Harness.Start, "app@sender.test", "r@dest.test"));
        await sink.DataStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // Released (and handed over again) while its transaction is waiting for the final reply.
        Assert.That(scheduler.InFlightCount, Is.EqualTo(1));
        Assert.That(await spool.ReleaseAsync(q.QueueId, CancellationToken.None), Is.True);
        scheduler.Enqueue(spool.Peek(q.QueueId)!);
        scheduler.Enqueue(q);

        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0 && scheduler.TrackedCount == 0), Is.True);
        await Task.Delay(500);
        Assert.Multiple(() =>
        {
            Assert.That(sink.Messages, Has.Count.EqualTo(1));
            Assert.That(spool.Attempts, Has.Count.EqualTo(1));
            Assert.That(scheduler.InFlightCount, Is.Zero);
        });
    }

    [Test]
    public async Task EnqueueWithLaterTime_KeepsEarlierSchedule()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        var time = new ManualTimeProvider(Harness.Start);
        await using var scheduler = new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), timeProvider: time);
        QueuedMessage q = spool.Add(TestMessages.Envelope(Harness.Start, "app@sender.test", "r@dest.test"), TestMessages.Content(), Harness.Start.AddMinutes(1));
        await scheduler.StartAsync(CancellationToken.None);
        scheduler.Enqueue(q with { NextAttempt = Harness.Start.AddHours(1) });

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True, "still sent at its original time");
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0 && scheduler.TrackedCount == 0), Is.True);
    }
}
