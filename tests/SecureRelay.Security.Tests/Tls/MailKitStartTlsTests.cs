using System.Net;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>
/// The way delivery uses the API: resolve the policy, create a session, hand its callback to MailKit's
/// SmtpClient, STARTTLS against a loopback SMTP server, then build the receipt and record the capability.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MailKitStartTlsTests
{
    private static async Task<(TlsValidationSession Session, SmtpClient Client, Exception? Error)> ConnectAsync(
        TlsTestEnvironment env, ScriptedSmtpSink smtp, bool requireVerified)
    {
        var policy = await env.Resolver.ResolveAsync(TestCertificates.Domain, [TestCertificates.MxHost], CancellationToken.None);
        var session = env.Validator.CreateSession(TestCertificates.MxHost, policy, requireVerified);
        var client = new SmtpClient
        {
            ServerCertificateValidationCallback = session.Callback,
            SslProtocols = TlsProtocolPolicy.Allowed,
            CheckCertificateRevocation = false,
            Timeout = 10_000,
        };
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, smtp.Port);
        try
        {
            await client.ConnectAsync(socket, TestCertificates.MxHost, 25, SecureSocketOptions.StartTls);
            return (session, client, null);
        }
        catch (SslHandshakeException e)
        {
            return (session, client, e);
        }
    }

    [Test]
    public async Task Dane_StartTls_ReceiptAndCapabilityRecorded()
    {
        using var env = new TlsTestEnvironment(withAnchors: false);
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 3, 1, 1, DaneMatcher.ComputeAssociationData(TestCertificates.SelfSigned, 1, 1));
        await using var smtp = new ScriptedSmtpSink { Certificate = TestCertificates.SelfSigned, TlsProtocols = TlsProtocolPolicy.Allowed };
        var capabilities = new InMemoryTlsCapabilityCache(env.Options);

        var (session, client, error) = await ConnectAsync(env, smtp, requireVerified: true);
        using (client)
        {
            Assert.That(error, Is.Null);
            Assert.That(client.IsSecure, Is.True);
            var receipt = session.CreateReceipt(client.SslProtocol, client.SslCipherSuite);
            await capabilities.RecordAsync(
                new TlsCapability(TestCertificates.MxHost, true, receipt.Protocol, receipt.Method, DateTimeOffset.UtcNow), CancellationToken.None);
            await client.NoOpAsync();
            await client.DisconnectAsync(true);

            Assert.That(receipt.Method, Is.EqualTo(TlsValidationMethod.Dane));
            Assert.That(receipt.Verified, Is.True);
            Assert.That(receipt.ProtocolAcceptable, Is.True);
            Assert.That(receipt.CipherSuite, Is.Not.Null);
            Assert.That(receipt.CertificateSha256, Is.EqualTo(CertificateFingerprint.Sha256(TestCertificates.SelfSigned)));
        }

        var cached = await capabilities.GetAsync(TestCertificates.MxHost, CancellationToken.None);
        Assert.That(cached!.LastMethod, Is.EqualTo(TlsValidationMethod.Dane));
        Assert.That(smtp.TlsSessions, Is.EqualTo(1));
    }

    [Test]
    public async Task TlsVerified_PkixFailure_MailKitRefuses()
    {
        using var env = new TlsTestEnvironment();
        await using var smtp = new ScriptedSmtpSink { Certificate = TestCertificates.WrongName, TlsProtocols = TlsProtocolPolicy.Allowed };

        var (session, client, error) = await ConnectAsync(env, smtp, requireVerified: true);
        using (client)
        {
            Assert.That(error, Is.InstanceOf<SslHandshakeException>());
            Assert.That(client.IsConnected, Is.False);
            Assert.That(session.Accepted, Is.False);
            Assert.That(session.Result!.Reason, Does.Contain("name does not match"));
        }
    }

    [Test]
    public async Task Pkix_WithTrustAnchor_MailKitConnects()
    {
        using var env = new TlsTestEnvironment();
        await using var smtp = new ScriptedSmtpSink { Certificate = TestCertificates.Leaf, TlsProtocols = TlsProtocolPolicy.Allowed };

        var (session, client, error) = await ConnectAsync(env, smtp, requireVerified: true);
        using (client)
        {
            Assert.That(error, Is.Null);
            Assert.That(session.CreateReceipt(client.SslProtocol, client.SslCipherSuite).Method, Is.EqualTo(TlsValidationMethod.Pkix));
            await client.DisconnectAsync(true);
        }
    }
}
