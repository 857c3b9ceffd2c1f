using System.Globalization;
using SecureRelay.Tests.Infrastructure;
using SecureRelay.Users;

namespace SecureRelay.Tests;

/// <summary>An application points swaks at the relay; what it sends arrives at a real sink.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SwaksRelayTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public async Task PlainSubmissionFromRelayNetworkArrivesAtSink()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)]));

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "a@b.test", Wait, "--header", "Subject: swaks plain", "--body", "hello from swaks 7f3a");

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Match(@"<[-~]  250 2\.0\.0 Ok: queued as \S+"));
        Assert.That(await sink.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);
        var dump = sink.ReadDump();
        Assert.That(dump, Does.Contain("hello from swaks 7f3a"));
        Assert.That(dump, Does.Contain("X-Rcpt-Args: <a@b.test>"));
        Assert.That(dump, Does.Contain("X-Mail-Args: <app@clinic.test>"));
        Assert.That(dump, Does.Contain("by relay.test"), "our Received: header travels with the message");
    }

    [Test]
    public async Task AuthPlainOverStartTlsRelaysAndAuthBeforeTlsGets530()
    {
        using var sink = await SmtpSink.StartAsync();
        var hash = PasswordHasher.Hash("s3cret-pw", 10_000);
        var users = $"users:\n  - name: app\n    password_hash: \"{hash}\"\n    sender_domains: [clinic.test]\n";
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], relayNetworks: "[]", extra: users));

        var (ok, okOut) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "rcpt@b.test", Wait, "--tls", "--auth", "PLAIN", "--auth-user", "app", "--auth-password", "s3cret-pw", "--body", "authenticated body 91c2");
        Assert.That(ok, Is.Zero, okOut);
        Assert.That(await sink.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);
        Assert.That(sink.ReadDump(), Does.Contain("authenticated body 91c2"));

        // swaks will not send AUTH that is not advertised (and it is not, before TLS): say it raw.
        var plainOut = await RawSmtp.ConverseAsync(relay.SmtpPort, "EHLO client.test", "AUTH PLAIN AGFwcABzM2NyZXQtcHc=", "QUIT");
        Assert.That(plainOut, Does.Not.Contain("AUTH PLAIN LOGIN"), "AUTH is not advertised before TLS");
        Assert.That(plainOut, Does.Contain("530 5.7.0"), "AUTH before TLS must be refused");

        var (_, wrongOut) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "rcpt@b.test", Wait, "--tls", "--auth", "PLAIN", "--auth-user", "app", "--auth-password", "wrong");
        Assert.That(wrongOut, Does.Contain("535 5.7.8"));

        var (_, otherDomainOut) = await Swaks.SendAsync(relay.SmtpPort, "someone@elsewhere.test", "rcpt@b.test", Wait, "--tls", "--auth", "PLAIN", "--auth-user", "app", "--auth-password", "s3cret-pw");
        Assert.That(otherDomainOut, Does.Contain("553 5.7.1"), "user limited to clinic.test");

        var (_, relayOut) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "rcpt@b.test", Wait, "--tls");
        Assert.That(relayOut, Does.Contain("554 5.7.1"), "no AUTH and not in relay_networks: no relaying");
        Assert.That(sink.CountMessages(), Is.EqualTo(1));
    }

    [Test]
    public async Task MetricsCountWhatWasReceivedAndDelivered()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)]));
        for (var i = 0; i < 3; i++)
        {
            var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "x@dest.test", Wait);
            Assert.That(code, Is.Zero, output);
        }

        Assert.That(await sink.WaitForMessagesAsync(3, Wait), Is.EqualTo(3));
        using var http = new HttpClient();
        string metrics = "";
        for (var attempt = 0; attempt < 50 && !metrics.Contains("securerelay_messages_delivered_total{destination=\"dest.test\"} 3", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{relay.AdminPort.ToString(CultureInfo.InvariantCulture)}/metrics"));
        }

        Assert.That(metrics, Does.Contain("securerelay_messages_received_total{listener=\"inbound\"} 3"));
        Assert.That(metrics, Does.Contain("securerelay_messages_delivered_total{destination=\"dest.test\"} 3"));
        Assert.That(metrics, Does.Contain("securerelay_accept_latency_seconds_count{listener=\"inbound\"} 3"));
        Assert.That(metrics, Does.Contain("securerelay_messages_classified_total{verdict=\"clean\",category=\"unspecified\"} 3"));
        Assert.That(metrics, Does.Contain("securerelay_deliveries_by_method_total{method=\"opportunistic\"} 3"));
        Assert.That(await http.GetStringAsync(new Uri($"http://127.0.0.1:{relay.AdminPort.ToString(CultureInfo.InvariantCulture)}/healthz")), Does.Contain("ok"));
    }
}
