using System.Security.Cryptography.X509Certificates;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>PKIX with a configured trust anchor and hostname matching, over real TLS handshakes.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PkixValidationTests
{
    private static async Task<TlsValidationSession> HandshakeAsync(X509Certificate2 cert, bool withAnchors = true)
    {
        using var env = new TlsTestEnvironment(withAnchors);
        using var server = new TlsTestServer(cert);
        var (session, error) = await env.HandshakeAsync(server, requireVerified: true);
        Assert.That(error is null, Is.EqualTo(session.Accepted), "handshake outcome follows the callback");
        return session;
    }

    [Test]
    public async Task TrustAnchorAndRightName_VerifiedByPkix()
    {
        var session = await HandshakeAsync(TestCertificates.Leaf);

        Assert.That(session.Accepted, Is.True);
        Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.Pkix));
        Assert.That(session.Result.PolicyMode, Is.EqualTo(RecipientTlsMode.None));
    }

    [Test]
    public async Task WildcardSan_MatchesOneLabel()
    {
        var session = await HandshakeAsync(TestCertificates.Wildcard);

        Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.Pkix));
    }

    [Test]
    public async Task WrongName_NotVerified()
    {
        var session = await HandshakeAsync(TestCertificates.WrongName);

        Assert.That(session.Accepted, Is.False);
        Assert.That(session.Result!.Reason, Does.Contain("name does not match"));
    }

    [Test]
    public async Task Expired_NotVerified()
    {
        var session = await HandshakeAsync(TestCertificates.Expired);

        Assert.That(session.Accepted, Is.False);
        Assert.That(session.Result!.Reason, Does.Contain("NotTimeValid"));
    }

    [Test]
    public async Task SelfSigned_NotVerified()
    {
        var session = await HandshakeAsync(TestCertificates.SelfSigned);

        Assert.That(session.Accepted, Is.False);
        Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.None));
    }

    [Test]
    public async Task WithoutTrustAnchor_PrivateCaNotVerified()
    {
        var session = await HandshakeAsync(TestCertificates.Leaf, withAnchors: false);

        Assert.That(session.Accepted, Is.False);
        Assert.That(session.Result!.Reason, Does.Contain("system roots"));
    }

    [Test]
    public void TrustAnchorPem_LoadsEveryCertificate()
    {
        var dir = Directory.CreateTempSubdirectory("tls-anchors").FullName;
        try
        {
            var path = Path.Combine(dir, "anchors.pem");
            File.WriteAllText(path, TestCertificates.RootCa.ExportCertificatePem() + "\n" + TestCertificates.IntermediateCa.ExportCertificatePem() + "\n");
            var store = TrustAnchorStore.FromOptions(new TlsOptions { TrustAnchors = path });
            Assert.That(store.Anchors.Select(a => a.Thumbprint), Is.EqualTo(new[] { TestCertificates.RootCa.Thumbprint, TestCertificates.IntermediateCa.Thumbprint }));

            File.WriteAllText(path, "not a certificate");
            Assert.Throws<InvalidDataException>(() => TrustAnchorStore.LoadPem(path));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
