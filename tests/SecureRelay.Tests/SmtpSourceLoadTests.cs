using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>Postfix's smtp-source drives 10,000 messages over 20 sessions; the sink counts them all.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SmtpSourceLoadTests
{
    [Test]
    public async Task TenThousandMessagesFromSmtpSourceAllArrive()
    {
        var source = Tools.Require("smtp-source");
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none"));

        var (code, output) = await Tools.RunAsync(source, ["-d", "-s", "20", "-m", "10000", "-l", "1024", "-f", "app@clinic.test", "-t", "rcpt@dest.test",
            $"127.0.0.1:{relay.SmtpPort}"], TimeSpan.FromMinutes(4));

        Assert.That(code, Is.Zero, output);
        var arrived = await sink.WaitForMessagesAsync(10_000, TimeSpan.FromMinutes(3));
        Assert.That(arrived, Is.EqualTo(10_000), relay.Log[^Math.Min(relay.Log.Length, 4000)..]);
    }
}
