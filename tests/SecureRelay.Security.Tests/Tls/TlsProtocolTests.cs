using System.Security.Authentication;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>TLS 1.0/1.1 are refused: a server offering only an old version gets no session.</summary>
[TestFixture]
public sealed class TlsProtocolTests
{
#pragma warning disable SYSLIB0039 // the obsolete versions are exactly what this test offers to prove they are refused
    [TestCase(SslProtocols.Tls)]
    [TestCase(SslProtocols.Tls11)]
#pragma warning restore SYSLIB0039
    public async Task OldProtocolServer_HandshakeFails(SslProtocols serverProtocol)
    {
        using var env = new TlsTestEnvironment();
        using var server = new TlsTestServer(TestCertificates.Leaf, protocols: serverProtocol);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: false);

        Assert.That(error, Is.Not.Null);
        Assert.That(session.Result, Is.Null, "the certificate callback is never reached");
        Assert.That(server.Handshakes, Is.Zero);
    }

    [TestCase(SslProtocols.Tls12)]
    [TestCase(SslProtocols.Tls13)]
    public async Task ModernProtocolServer_ReceiptRecordsVersionAndCipher(SslProtocols serverProtocol)
    {
        using var env = new TlsTestEnvironment();
        using var server = new TlsTestServer(TestCertificates.Leaf, protocols: serverProtocol);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: true);
        var receipt = session.CreateReceipt();

        Assert.That(error, Is.Null);
        Assert.That(receipt.Protocol, Is.EqualTo(serverProtocol));
        Assert.That(receipt.ProtocolAcceptable, Is.True);
        Assert.That(receipt.CipherSuite, Is.Not.Null);
        Assert.That(receipt.CertificateSha256, Is.EqualTo(CertificateFingerprint.Sha256(TestCertificates.Leaf)));
    }

    [Test]
    public void Receipt_FlagsProtocolBelowTls12()
    {
        var validator = new TlsCertificateValidator(TrustAnchorStore.Empty);
        var session = validator.CreateSession(TestCertificates.MxHost, RecipientTlsPolicy.None(TestCertificates.Domain, DateTimeOffset.UtcNow), false);
        Assert.Throws<InvalidOperationException>(() => session.CreateReceipt(SslProtocols.Tls12));

        var accepted = session.Callback(TestCertificates.MxHost, TestCertificates.Leaf, null, System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors);
#pragma warning disable SYSLIB0039 // simulating a client that negotiated TLS 1.1 despite its options
        var receipt = session.CreateReceipt(SslProtocols.Tls11);
#pragma warning restore SYSLIB0039

        Assert.That(accepted, Is.True, "plain 'tls' accepts an unauthenticated certificate");
        Assert.That(receipt.ProtocolAcceptable, Is.False);
        Assert.That(receipt.Reason, Does.Contain("below TLS 1.2"));
        Assert.That(TlsProtocolPolicy.IsAcceptable(SslProtocols.Tls13), Is.True);
    }
}
