using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>A next hop that answers 4xx is retried until it accepts; one that answers 5xx makes
/// exactly one RFC 3464 bounce to the sender, without the message body.</summary>
[TestFixture]
[NonParallelizable]
public sealed class RetryAndBounceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task SoftRejectingSinkIsRetriedUntilItAccepts()
    {
        var port = TestPorts.Free();
        var failing = await SmtpSink.StartOnPortAsync(port, "-r", "RCPT");
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", port)], tls: "none", auth: "none", retryFirst: "1s", retryMax: "1s"));

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "r@dest.test", Wait, "--body", "retry body 55e1");
        Assert.That(code, Is.Zero, output);

        // At least two deferrals on the 1 s schedule, then the next hop recovers.
        var deadline = DateTime.UtcNow + Wait;
        while (CountDeferred(relay.Log) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.That(CountDeferred(relay.Log), Is.GreaterThanOrEqualTo(2), relay.Log);
        Assert.That(failing.CountMessages(), Is.Zero);
        failing.Dispose();

        using var good = await SmtpSink.StartOnPortAsync(port);
        Assert.That(await good.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);
        Assert.That(good.ReadDump(), Does.Contain("retry body 55e1"));
    }

    [Test]
    public async Task HardRejectingSinkProducesExactlyOneHeadersOnlyBounce()
    {
        using var rejecting = await SmtpSink.StartAsync("-f", "RCPT");
        using var senderMx = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("clinic.test", senderMx.Port), ("*", rejecting.Port)], tls: "none", auth: "none"));

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "gone@dest.test", Wait, "--header", "Subject: Lab results for patient", "--body", "SECRET-BODY-7d1e");
        Assert.That(code, Is.Zero, output);

        Assert.That(await senderMx.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);
        await Task.Delay(2000); // a second bounce would show up by now
        Assert.That(senderMx.CountMessages(), Is.EqualTo(1), "exactly one bounce");
        var bounce = senderMx.ReadDump();
        Assert.That(bounce, Does.Contain("X-Mail-Args: <>"), "bounces use the null sender");
        Assert.That(bounce, Does.Contain("X-Rcpt-Args: <app@clinic.test>"));
        Assert.That(bounce, Does.Contain("multipart/report").And.Contain("report-type=delivery-status").IgnoreCase);
        Assert.That(bounce, Does.Contain("Final-Recipient: rfc822; gone@dest.test").IgnoreCase);
        Assert.That(bounce, Does.Contain("Action: failed").IgnoreCase);
        Assert.That(bounce, Does.Not.Contain("SECRET-BODY-7d1e"), "a bounce never carries the body");
        Assert.That(bounce, Does.Not.Contain("Lab results for patient"), "nor the subject");
    }

    [Test]
    public async Task BounceOfABounceIsNeverSent()
    {
        using var rejecting = await SmtpSink.StartAsync("-f", "RCPT");
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", rejecting.Port)], tls: "none", auth: "none"));

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "<>", "gone@dest.test", Wait);
        Assert.That(code, Is.Zero, output);
        var deadline = DateTime.UtcNow + Wait;
        while (!relay.Log.Contains("status=bounced", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await Task.Delay(1500);
        Assert.That(relay.Log, Does.Contain("status=bounced"));
        Assert.That(rejecting.CountMessages(), Is.Zero);
        Assert.That(CountOccurrences(relay.Log, "status=queued"), Is.EqualTo(1), "no bounce was queued for the null sender");
    }

    private static int CountDeferred(string log) => CountOccurrences(log, "status=deferred");

    private static int CountOccurrences(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
