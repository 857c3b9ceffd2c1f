using System.Text.RegularExpressions;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Postfix-style per-recipient log lines; never a subject or body.</summary>
public class LoggingTests
{
    [Test]
    public async Task PerRecipientLines_PostfixStyle_NoContent()
    {
        await using var sink = new ScriptedSmtpSink { RcptReply = a => a.StartsWith("bad", StringComparison.Ordinal) ? "550 5.1.1 unknown user" : "250 2.1.5 Ok" };
        var spool = new InMemorySpool();
        var logger = new ListLogger<DeliveryScheduler>();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), logger: logger).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "good@dest.test", "bad@dest.test"));
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True);
        await scheduler.StopAsync(CancellationToken.None);

        string relay = Regex.Escape($"127.0.0.1[127.0.0.1]:{sink.Port}");
        Assert.That(logger.Lines, Has.Some.Match($@"^{q.QueueId}: to=<good@dest\.test>, relay={relay}, delay=[0-9.]+, dsn=2\.0\.0, status=sent \(250 2\.0\.0 Ok: queued\)$"));
        Assert.That(logger.Lines, Has.Some.Match($@"^{q.QueueId}: to=<bad@dest\.test>, relay={relay}, delay=[0-9.]+, dsn=5\.1\.1, status=bounced \(550 5\.1\.1 unknown user\)$"));
        Assert.That(logger.Lines, Has.Some.Match($@"^{q.QueueId}: sender non-delivery notification: Q\d+$"));
        Assert.That(logger.Lines, Has.None.Contain(TestMessages.SecretSubject).And.None.Contain("PHI-BODY-MARKER"));
    }
}
