using System.Net;
using SecureRelay.Delivery.Dns;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>MX handling in the agent: failover on connection failure or 4xx greeting, and DNS outcomes
/// mapped to bounce or defer.</summary>
public class MxFailoverTests
{
    private static DeliveryOptions MxOptions(int port) => new()
    {
        HostName = "relay.test",
        SmtpPort = port,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(10),
    };

    [Test]
    public async Task UnreachableAndBusyMx_FailOverToNext()
    {
        await using var good = new ScriptedSmtpSink(IPAddress.Loopback);
        // Same port on another loopback address: a server that greets with 421.
        await using var busy = new ScriptedSmtpSink(IPAddress.Parse("127.0.0.3"), good.Port) { Greeting = "421 4.3.2 Service shutting down" };
        var resolver = new Harness.FakeResolver();
        resolver.Answers["dest.test"] = Harness.FakeResolver.Hosts(("mx1.dest.test", 10, "127.0.0.2"), ("mx2.dest.test", 20, "127.0.0.3"), ("mx3.dest.test", 30, "127.0.0.1"));
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, MxOptions(good.Port), resolver, events).StartedAsync();
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test"));

        Assert.That(await good.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(busy.Connections, Is.EqualTo(1), "the 421 server was tried");
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True);
        DeliveryEvent e = events.Delivered.Single();
        Assert.That(e.Destination, Is.EqualTo("dest.test"), "MX destinations are keyed by domain");
        Assert.That(e.Relay, Is.EqualTo($"mx3.dest.test[127.0.0.1]:{good.Port}"));
    }

    [TestCase(MxStatus.NullMx, "5.1.10", RecipientState.Bounced)]
    [TestCase(MxStatus.NoSuchDomain, "5.1.2", RecipientState.Bounced)]
    [TestCase(MxStatus.TemporaryFailure, "4.4.3", RecipientState.Pending)]
    public async Task DnsOutcome_MapsToBounceOrDefer(MxStatus status, string dsn, RecipientState state)
    {
        await using var sink = new ScriptedSmtpSink();
        var resolver = new Harness.FakeResolver();
        resolver.Answers["dest.test"] = MxResolution.Failed(status, "dest.test: " + status);
        resolver.Answers["sender.test"] = Harness.FakeResolver.Hosts(("mx.sender.test", 10, "127.0.0.1"));
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, MxOptions(sink.Port), resolver, events).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test"));

        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Any(a => a.QueueId == q.QueueId)), Is.True);
        RecipientOutcome o = spool.Attempts.First(a => a.QueueId == q.QueueId).Outcomes.Single();
        Assert.That(o.State, Is.EqualTo(state));
        DeliveryEvent e = state == RecipientState.Bounced ? events.Bounced.Single() : events.Deferred.Single();
        Assert.That(e.DsnStatus, Is.EqualTo(dsn));
        if (state == RecipientState.Bounced)
        {
            Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True, "DSN delivered to the sender's MX");
            Assert.That(sink.Messages.Single().Data, Does.Contain("Status: " + dsn));
        }
        else
        {
            Assert.That(spool.Peek(q.QueueId)!.State, Is.EqualTo(QueueState.Deferred));
        }
    }
}
