using System.Diagnostics;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Against Postfix's smtp-sink: bulk delivery over reused connections (with a throughput
/// figure for the report, not a timed assertion) and its soft/hard reject flags.</summary>
public class SmtpSinkInteropTests
{
    [Test]
    public async Task BulkDelivery_ReusesConnections()
    {
        await using SmtpSink sink = await SmtpSink.StartAsync();
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.MaxConnections = 4;
        options.MessagesPerConnection = 100;
        await using var scheduler = await new DeliveryScheduler(spool, options).StartedAsync();
        const int count = 2000;
        string content = TestMessages.Content() + new string('x', 900) + "\n";
        var messages = Enumerable.Range(0, count)
            .Select(i => spool.Add(TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", $"r{i}@dest.test"), content)).ToList();

        var sw = Stopwatch.StartNew();
        foreach (QueuedMessage m in messages)
        {
            scheduler.Enqueue(m);
        }

        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0, TimeSpan.FromSeconds(60)), Is.True, $"{spool.Count} left");
        sw.Stop();
        await scheduler.StopAsync(CancellationToken.None);
        TestContext.Out.WriteLine($"delivered {count} x ~1 KB in {sw.Elapsed.TotalMilliseconds:F0} ms = {count / sw.Elapsed.TotalSeconds:F0} msg/s");

        Assert.That(await Harness.WaitUntilAsync(() => sink.Counters.Messages == count), Is.True, $"counters {sink.Counters}");
        Assert.That(await Harness.WaitUntilAsync(() => sink.Counters.Sessions >= count / 100), Is.True);
        Assert.That(sink.Counters.Sessions, Is.InRange(count / 100, count / 100 + 4), "100 messages per connection");
    }

    [Test]
    public async Task SoftRejectAtRcpt_Defers_HardRejectBounces()
    {
        await using SmtpSink soft = await SmtpSink.StartAsync("-r", "RCPT");
        await using SmtpSink hard = await SmtpSink.StartAsync("-f", "RCPT");
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(hard.Port);
        options.Routes.Insert(0, new DeliveryRoute { Domains = ["soft.test"], NextHop = $"127.0.0.1:{soft.Port}" });
        await using var scheduler = await new DeliveryScheduler(spool, options).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "a@soft.test", "b@hard.test"));

        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Any(a => a.QueueId == q.QueueId)), Is.True);
        var outcomes = spool.Attempts.First(a => a.QueueId == q.QueueId).Outcomes.OrderBy(o => o.Index).ToList();
        Assert.That(outcomes.Select(o => o.State), Is.EqualTo(new[] { RecipientState.Pending, RecipientState.Bounced }), "one attempt, two destinations, recorded together");
        Assert.That(outcomes[0].Response, Does.StartWith("450 4.3.0"));
        Assert.That(outcomes[1].Response, Does.StartWith("500 5.3.0"));
        QueuedMessage after = spool.Peek(q.QueueId)!;
        Assert.That(after.State, Is.EqualTo(QueueState.Deferred));
        Assert.That(after.NextAttempt - DateTimeOffset.UtcNow, Is.InRange(TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5)));
    }
}
