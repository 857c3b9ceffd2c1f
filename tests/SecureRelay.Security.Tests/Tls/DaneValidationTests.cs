using System.Security.Cryptography.X509Certificates;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>DANE (RFC 7672) over real TLS handshakes on loopback, TLSA served by the test DNS responder.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class DaneValidationTests
{
    private static byte[] Data(X509Certificate2 cert, byte selector, byte matching) =>
        DaneMatcher.ComputeAssociationData(cert, selector, matching);

    [TestCase((byte)1, (byte)1)]
    [TestCase((byte)0, (byte)2)]
    [TestCase((byte)1, (byte)0)]
    [TestCase((byte)0, (byte)1)]
    public async Task DaneEe_WithAd_VerifiesSelfSignedCertificate(byte selector, byte matching)
    {
        using var env = new TlsTestEnvironment(withAnchors: false);
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 3, selector, matching, Data(TestCertificates.SelfSigned, selector, matching));
        using var server = new TlsTestServer(TestCertificates.SelfSigned);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: true);

        Assert.That(error, Is.Null);
        Assert.That(session.Result!.IsVerified, Is.True);
        Assert.That(session.Result.Method, Is.EqualTo(TlsValidationMethod.Dane));
        Assert.That(session.Result.CertificateSha256, Is.EqualTo(CertificateFingerprint.Sha256(TestCertificates.SelfSigned)));
        var receipt = session.CreateReceipt();
        Assert.That(receipt.ProtocolAcceptable, Is.True);
        Assert.That(receipt.Method, Is.EqualTo(TlsValidationMethod.Dane));
    }

    [Test]
    public async Task DaneEe_IgnoresExpiryAndName()
    {
        using var env = new TlsTestEnvironment(withAnchors: false);
        var cert = TestCertificates.ExpiredSelfSignedWrongName;
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 3, 1, 1, Data(cert, 1, 1));
        using var server = new TlsTestServer(cert);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: true);

        Assert.That(error, Is.Null);
        Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.Dane));
    }

    [Test]
    public async Task TlsaWithoutAd_IsIgnored()
    {
        using var env = new TlsTestEnvironment(withAnchors: false);
        env.Dns.AuthenticData = false;
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 3, 1, 1, Data(TestCertificates.SelfSigned, 1, 1));
        using var server = new TlsTestServer(TestCertificates.SelfSigned);

        var policy = await env.ResolveAsync();
        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.None));
        Assert.That(policy.MxAuthenticated, Is.False);

        var (verified, verifiedError) = await env.HandshakeAsync(server, requireVerified: true);
        Assert.That(verifiedError, Is.Not.Null, "tls-verified must refuse a self-signed certificate without DANE");
        Assert.That(verified.Result!.IsVerified, Is.False);
        Assert.That(verified.Result.Method, Is.EqualTo(TlsValidationMethod.None));

        var (plainTls, plainError) = await env.HandshakeAsync(server, requireVerified: false);
        Assert.That(plainError, Is.Null, "the 'tls' method accepts an unauthenticated certificate");
        Assert.That(plainTls.Accepted, Is.True);
        Assert.That(plainTls.Result!.IsVerified, Is.False);
    }

    [Test]
    public async Task TlsaAuthenticated_ButMxNot_IsNotDane()
    {
        using var env = new TlsTestEnvironment(withAnchors: false);
        env.Dns.InsecureNames[TestCertificates.Domain] = true;
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 3, 1, 1, Data(TestCertificates.SelfSigned, 1, 1));

        var policy = await env.ResolveAsync();

        Assert.That(policy.MxAuthenticated, Is.False);
        Assert.That(policy.ModeFor(TestCertificates.MxHost), Is.EqualTo(RecipientTlsMode.None));
        Assert.That(env.Dns.QueryCount(TlsTestEnvironment.TlsaName, DnsClient.QueryType.TLSA), Is.Zero, "no TLSA lookup under an insecure MX set");
    }

    [Test]
    public async Task TlsaMismatch_IsRefusedEvenForOpportunisticTls()
    {
        using var env = new TlsTestEnvironment();
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 3, 1, 1, Data(TestCertificates.WrongName, 1, 1));
        // A PKIX-valid certificate does not help: with usable TLSA records only DANE authenticates.
        using var server = new TlsTestServer(TestCertificates.Leaf);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: false);

        Assert.That(error, Is.Not.Null);
        Assert.That(session.Accepted, Is.False);
        Assert.That(session.Result!.IsVerified, Is.False);
        Assert.That(session.Result.PolicyMode, Is.EqualTo(RecipientTlsMode.DaneRequired));
        Assert.That(session.Result.Reason, Does.Contain("no TLSA record matches"));
    }

    [Test]
    public async Task DaneTa_IntermediateAnchor_VerifiesChainAndName()
    {
        using var env = new TlsTestEnvironment(withAnchors: false);
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 2, 0, 1, Data(TestCertificates.IntermediateCa, 0, 1));
        using var server = new TlsTestServer(TestCertificates.LeafViaIntermediate, [TestCertificates.IntermediateCa]);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: true);

        Assert.That(error, Is.Null, session.Result?.Reason);
        Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.Dane));
        Assert.That(session.Result.Reason, Does.StartWith("DANE-TA"));
    }

    [Test]
    public async Task DaneTa_WrongName_IsRefused()
    {
        using var env = new TlsTestEnvironment(withAnchors: false);
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 2, 1, 1, Data(TestCertificates.IntermediateCa, 1, 1));
        using var server = new TlsTestServer(TestCertificates.WrongNameViaIntermediate, [TestCertificates.IntermediateCa]);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: false);

        Assert.That(error, Is.Not.Null);
        Assert.That(session.Result!.Reason, Does.Contain("chain or name check failed"));
    }

    [Test]
    public async Task DaneTa_ExpiredLeaf_IsRefused()
    {
        using var env = new TlsTestEnvironment(withAnchors: false);
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 2, 0, 1, Data(TestCertificates.IntermediateCa, 0, 1));
        using var server = new TlsTestServer(TestCertificates.ExpiredViaIntermediate, [TestCertificates.IntermediateCa]);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: false);

        Assert.That(error, Is.Not.Null);
        Assert.That(session.Result!.IsVerified, Is.False);
        Assert.That(session.Result.Reason, Does.Contain("chain or name check failed"));
    }

    [Test]
    public async Task DaneTa_RootAnchorNotSentByServer_IsRefused()
    {
        // RFC 7672 §3.1.2: the server must send the TA certificate; our server sends only the leaf and
        // the intermediate, while the TLSA names the root.
        using var env = new TlsTestEnvironment(withAnchors: false);
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 2, 0, 1, Data(TestCertificates.RootCa, 0, 1));
        using var server = new TlsTestServer(TestCertificates.LeafViaIntermediate, [TestCertificates.IntermediateCa]);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: false);

        Assert.That(error, Is.Not.Null);
        Assert.That(session.Result!.Reason, Does.Contain("no TLSA record matches"));
    }

    [Test]
    public async Task TlsaServFail_UnderSecureMx_FailsClosed()
    {
        using var env = new TlsTestEnvironment();
        env.Dns.Rcodes[TlsTestEnvironment.TlsaName] = 2;
        using var server = new TlsTestServer(TestCertificates.Leaf);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: false);

        Assert.That(session.Policy.DaneFor(TestCertificates.MxHost)!.LookupFailure, Is.Not.Null);
        Assert.That(error, Is.Not.Null);
        Assert.That(session.Result!.Reason, Does.Contain("TLSA lookup failed"));
    }

    [Test]
    public async Task PkixUsagesOnly_AreUnusable_SoNoDane()
    {
        using var env = new TlsTestEnvironment();
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 1, 1, 1, Data(TestCertificates.Leaf, 1, 1));
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 0, 0, 1, Data(TestCertificates.RootCa, 0, 1));

        var policy = await env.ResolveAsync();

        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.None));
        Assert.That(env.Dns.QueryCount(TlsTestEnvironment.TlsaName, DnsClient.QueryType.TLSA), Is.EqualTo(1));
    }

    [Test]
    public async Task DaneDisabledInOptions_SkipsTlsa()
    {
        using var env = new TlsTestEnvironment();
        env.Options.Dane = false;
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 3, 1, 1, Data(TestCertificates.Leaf, 1, 1));

        var policy = await env.ResolveAsync();

        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.None));
    }
}
