using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Many messages to one destination go over few reused connections within its limits.</summary>
public class ConnectionReuseTests
{
    [Test]
    public async Task ManyMessages_FewConnections_AllDelivered()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.MaxConnections = 2;
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, options, events: events).StartedAsync();

        scheduler.SubmitMany(spool, 30);

        Assert.That(await sink.WaitForMessagesAsync(30, TimeSpan.FromSeconds(20)), Is.True, $"sink got {sink.Messages.Count}");
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True, "delivered messages are removed from the spool");
        Assert.Multiple(() =>
        {
            Assert.That(sink.Connections, Is.InRange(1, 2), "connections are reused and limited to max_connections");
            Assert.That(sink.PeakConcurrency, Is.LessThanOrEqualTo(2));
            Assert.That(events.Delivered.Select(e => e.Destination).Distinct(), Is.EqualTo(new[] { $"127.0.0.1:{sink.Port}" }));
            Assert.That(events.Delivered, Has.Count.EqualTo(30));
            Assert.That(events.Delivered.All(e => e.DsnStatus == "2.0.0"), Is.True);
            Assert.That(sink.Messages.All(m => m.Data.Contains(TestMessages.SecretBody, StringComparison.Ordinal)), Is.True, "content arrives intact");
            Assert.That(sink.Messages.All(m => m.Data.Contains("\r\n.leading dot line\r\n", StringComparison.Ordinal)), Is.True, "dot-stuffing round-trips");
            Assert.That(sink.Messages.Select(m => m.RcptTo.Single()).Distinct().Count(), Is.EqualTo(30));
        });
    }

    [Test]
    public async Task MessagesPerConnection_ClosesAndReopens()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.MaxConnections = 1;
        options.MessagesPerConnection = 5;
        await using var scheduler = await new DeliveryScheduler(spool, options).StartedAsync();
        scheduler.SubmitMany(spool, 20);

        Assert.That(await sink.WaitForMessagesAsync(20, TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(sink.Connections, Is.EqualTo(4), "20 messages at 5 per connection");
        Assert.That(sink.Messages.GroupBy(m => m.Connection).Select(g => g.Count()), Is.All.EqualTo(5));
    }

    [Test]
    public async Task PerDomainConcurrencyLimit_IsHonoured()
    {
        await using var sink = new ScriptedSmtpSink { DataDelay = TimeSpan.FromMilliseconds(150) };
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.MaxConnections = 10;
        options.DomainLimits[$"127.0.0.1:{sink.Port}"] = new DestinationLimitsOverride { MaxConnections = 3 };
        await using var scheduler = await new DeliveryScheduler(spool, options).StartedAsync();
        scheduler.SubmitMany(spool, 12);

        Assert.That(await sink.WaitForMessagesAsync(12, TimeSpan.FromSeconds(20)), Is.True);
        Assert.That(sink.PeakConcurrency, Is.EqualTo(3), "the override's limit is used, and fully");
        Assert.That(sink.Connections, Is.EqualTo(3));
    }

    [Test]
    public async Task RateLimit_SpacesMessages()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.MessagesPerSecond = 20;
        await using var scheduler = await new DeliveryScheduler(spool, options).StartedAsync();
        var started = System.Diagnostics.Stopwatch.StartNew();
        scheduler.SubmitMany(spool, 11);

        Assert.That(await sink.WaitForMessagesAsync(11, TimeSpan.FromSeconds(20)), Is.True);
        // One token up front, then one per 50 ms: ten more need at least ~500 ms.
        Assert.That(started.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(400)));
    }

    [Test]
    public async Task StaleCachedConnection_RetriedOnFreshOne_NotDeferred()
    {
        await using var sink = new ScriptedSmtpSink { DropAfterMessages = 1 };
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.MaxConnections = 1;
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, options, events: events).StartedAsync();
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "a@dest.test"));
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True);
        await Task.Delay(200); // the sink has dropped the connection; the client still caches it
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "b@dest.test"));
        Assert.That(await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True);
        Assert.That(events.Deferred, Is.Empty);
        Assert.That(sink.Connections, Is.EqualTo(2));
        Assert.That(events.Opened, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task TotalConnectionLimit_SharedAcrossDestinations()
    {
        var overall = new ConcurrencyCounter();
        await using var a = new ScriptedSmtpSink { DataDelay = TimeSpan.FromMilliseconds(100), Shared = overall };
        await using var b = new ScriptedSmtpSink { DataDelay = TimeSpan.FromMilliseconds(100), Shared = overall };
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(a.Port);
        options.Routes.Insert(0, new DeliveryRoute { Domains = ["b.test"], NextHop = $"127.0.0.1:{b.Port}" });
        options.MaxConnectionsTotal = 2;
        options.IdleConnectionTimeout = TimeSpan.FromMilliseconds(100);
        await using var scheduler = await new DeliveryScheduler(spool, options).StartedAsync();
        for (int i = 0; i < 6; i++)
        {
            scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", $"r{i}@a.test"));
            scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", $"r{i}@b.test"));
        }

        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0, TimeSpan.FromSeconds(20)), Is.True, "starved destination got a turn");
        Assert.That(overall.Peak, Is.LessThanOrEqualTo(2), "never more than max_connections_total at once");
        Assert.That(a.Messages.Count + b.Messages.Count, Is.EqualTo(12));
    }

    [Test]
    public async Task IdleDestinations_AreReleased_AndRecreatedOnDemand()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.IdleConnectionTimeout = TimeSpan.FromMilliseconds(100);
        options.MessagesPerSecond = 1000;
        await using var scheduler = new DeliveryScheduler(spool, options) { DestinationSweepInterval = TimeSpan.FromMilliseconds(100) };
        await scheduler.StartAsync(CancellationToken.None);
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "a@dest.test"));
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(await Harness.WaitUntilAsync(() => scheduler.DestinationCount == 0), Is.True, "released after its connection closed");
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "b@dest.test"));
        Assert.That(await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10)), Is.True);
    }
}
