using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Security;

/// <summary>
/// STARTTLS command injection (CVE-2011-0411): a man in the middle appends plaintext commands to the
/// client's STARTTLS in the same packet. The relay must throw them away, so nothing the attacker
/// wrote takes effect inside the TLS session. Driven with a real TLS client (SslStream) pinned to the
/// relay's generated certificate.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StartTlsInjectionTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Test]
    public async Task CommandsPipelinedAfterStartTlsInTheSamePacketAreDiscarded()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "starttls", auth: "optional"));
        using var pinned = X509CertificateLoader.LoadCertificateFromFile(Path.Combine(relay.Directory, "data", "tls", "selfsigned.crt"));

        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, relay.SmtpPort);
        var plain = client.GetStream();
        Assert.That((await SmtpReplyReader.ReadAsync(plain, Wait))[0], Does.StartWith("220 "));
        await SmtpReplyReader.SendAsync(plain, "EHLO victim.test\r\n");
        Assert.That(await SmtpReplyReader.ReadAsync(plain, Wait), Has.Some.EqualTo("250-STARTTLS").Or.Some.EqualTo("250 STARTTLS"));

        // One write, one segment on loopback: the client's STARTTLS plus a whole transaction the attacker added.
        const string injected = "MAIL FROM:<attacker@evil.test>\r\nRCPT TO:<victim@dest.test>\r\nDATA\r\n"
            + "From: attacker@evil.test\r\nSubject: injected\r\nMessage-ID: <injected@evil.test>\r\n\r\ninjected body\r\n.\r\n";
        await SmtpReplyReader.SendAsync(plain, "STARTTLS\r\n" + injected);
        var ready = await SmtpReplyReader.ReadAsync(plain, Wait);
        Assert.That(ready, Is.EqualTo(new[] { "220 2.0.0 Ready to start TLS" }), "nothing but the 220 comes back in plaintext");

        await using var tls = new SslStream(plain, leaveInnerStreamOpen: false, (_, cert, _, _) => cert is not null && cert.GetCertHashString() == pinned.Thumbprint);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        });

        // Had the injected commands survived, their replies (250 2.1.0 …, 354 …) would come first.
        await SmtpReplyReader.SendAsync(tls, "EHLO victim.test\r\n");
        var ehlo = await SmtpReplyReader.ReadAsync(tls, Wait);
        Assert.That(ehlo[0], Is.EqualTo("250-relay.test"), string.Join(" | ", ehlo));
        Assert.That(ehlo, Has.None.Contains("STARTTLS"), "TLS is active");

        await SmtpReplyReader.SendAsync(tls, "RCPT TO:<victim@dest.test>\r\n");
        var rcpt = await SmtpReplyReader.ReadAsync(tls, Wait);
        Assert.That(rcpt[0], Does.StartWith("503 5.5.1"), "no MAIL FROM is in force inside TLS");

        await SmtpReplyReader.SendAsync(tls, "MAIL FROM:<app@clinic.test>\r\n");
        Assert.That((await SmtpReplyReader.ReadAsync(tls, Wait))[0], Does.StartWith("250 "));
        await SmtpReplyReader.SendAsync(tls, "RCPT TO:<friend@dest.test>\r\n");
        Assert.That((await SmtpReplyReader.ReadAsync(tls, Wait))[0], Does.StartWith("250 "));
        await SmtpReplyReader.SendAsync(tls, "DATA\r\n");
        Assert.That((await SmtpReplyReader.ReadAsync(tls, Wait))[0], Does.StartWith("354 "));
        await SmtpReplyReader.SendAsync(tls, "From: app@clinic.test\r\nSubject: legit\r\nMessage-ID: <legit@clinic.test>\r\n\r\nhello\r\n.\r\n");
        Assert.That((await SmtpReplyReader.ReadAsync(tls, Wait))[0], Does.StartWith("250 "));
        await SmtpReplyReader.SendAsync(tls, "QUIT\r\n");
        Assert.That((await SmtpReplyReader.ReadAsync(tls, Wait))[0], Does.StartWith("221 "));

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60)), Is.EqualTo(1), relay.Log);
        // The relay's own count says one message was accepted, so the injected one cannot be on its way.
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{relay.AdminPort.ToString(CultureInfo.InvariantCulture)}/metrics"));
        Assert.That(metrics, Does.Contain("securerelay_messages_received_total{listener=\"inbound\"} 1\n"));
        var dump = sink.ReadDump();
        Assert.That(dump, Does.Contain("<legit@clinic.test>").And.Not.Contain("evil.test"));
        Assert.That(relay.Log, Does.Contain("plaintext bytes pipelined after STARTTLS"), "the discarded injection is logged");
        SuiteRun.Report("starttls-injection", $"injected {injected.Length} bytes after STARTTLS; accepted 1 (legit), injected transaction took effect: no");
    }
}
