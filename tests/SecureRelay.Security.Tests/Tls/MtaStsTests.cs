using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>
/// MTA-STS (RFC 8461) end to end: TXT from the test DNS responder, policy from a Kestrel HTTPS endpoint,
/// certificate validation in a real TLS handshake.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class MtaStsTests
{
    private const string TxtName = "_mta-sts." + TestCertificates.Domain;

    private static async Task<(TlsTestEnvironment Env, MtaStsPolicyServer Web)> StartAsync(
        string policy, ManualTimeProvider? time = null, System.Security.Cryptography.X509Certificates.X509Certificate2? webCert = null)
    {
        var web = await MtaStsPolicyServer.StartAsync(webCert ?? TestCertificates.MtaStsHost);
        web.Body = policy;
        var env = new TlsTestEnvironment(withAnchors: true, mtaStsHandler: web.CreateHandler(new TrustAnchorStore([TestCertificates.RootCa])), time: time);
        env.Dns.SetTxt(TxtName, "v=STSv1; id=one;");
        return (env, web);
    }

    /// <summary>One handshake with a server presenting <paramref name="serverCertificate"/> under an enforce
    /// policy listing <paramref name="mx"/>; also returns the host the policy was fetched from.</summary>
    private static async Task<(TlsValidationSession Session, Exception? Error, string? PolicyHost)> HandshakeUnderEnforceAsync(
        string mx, System.Security.Cryptography.X509Certificates.X509Certificate2 serverCertificate, bool requireVerified)
    {
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("enforce", 86400, mx));
        await using var _ = web;
        using var __ = env;
        using var server = new TlsTestServer(serverCertificate);

        var (session, error) = await env.HandshakeAsync(server, requireVerified);
        return (session, error, web.LastHost);
    }

    [Test]
    public async Task Enforce_MatchingMx_ValidPkix_VerifiedByMtaSts()
    {
        var (session, error, policyHost) = await HandshakeUnderEnforceAsync(TestCertificates.MxHost, TestCertificates.Leaf, requireVerified: false);

        Assert.That(error, Is.Null, session.Result?.Reason);
        Assert.That(session.Policy.Mode, Is.EqualTo(RecipientTlsMode.MtaStsEnforce));
        Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.MtaSts));
        Assert.That(policyHost, Is.EqualTo("mta-sts." + TestCertificates.Domain));
    }

    [Test]
    public async Task Enforce_WildcardPattern_Matches()
    {
        var (session, error, _) = await HandshakeUnderEnforceAsync("*." + TestCertificates.Domain, TestCertificates.Leaf, requireVerified: true);

        Assert.That(error, Is.Null, session.Result?.Reason);
        Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.MtaSts));
    }

    [Test]
    public async Task Enforce_MxNotInPolicy_Fails()
    {
        var (session, error, _) = await HandshakeUnderEnforceAsync("mx2." + TestCertificates.Domain, TestCertificates.Leaf, requireVerified: false);

        Assert.That(session.Policy.IsMxPermitted(TestCertificates.MxHost), Is.False);
        Assert.That(session.Policy.IsMxPermitted("mx2." + TestCertificates.Domain), Is.True);
        Assert.That(error, Is.Not.Null);
        Assert.That(session.Result!.Reason, Does.Contain("not listed"));
    }

    [Test]
    public async Task Enforce_WrongNameCertificate_Fails()
    {
        var (session, error, _) = await HandshakeUnderEnforceAsync(TestCertificates.MxHost, TestCertificates.WrongName, requireVerified: false);

        Assert.That(error, Is.Not.Null);
        Assert.That(session.Result!.Reason, Does.StartWith("MTA-STS enforce: PKIX"));
    }

    [Test]
    public async Task Testing_FailureIsReportedNotEnforced()
    {
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("testing", 86400, TestCertificates.MxHost));
        await using var _ = web;
        using var __ = env;
        using var server = new TlsTestServer(TestCertificates.SelfSigned);

        var (tls, tlsError) = await env.HandshakeAsync(server, requireVerified: false);
        var (verified, verifiedError) = await env.HandshakeAsync(server, requireVerified: true);

        Assert.That(tls.Policy.Mode, Is.EqualTo(RecipientTlsMode.MtaStsTesting));
        Assert.That(tlsError, Is.Null);
        Assert.That(tls.Result!.IsVerified, Is.False);
        Assert.That(verifiedError, Is.Not.Null);
    }

    [Test]
    public async Task Dane_WinsOverMtaSts()
    {
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("enforce", 86400, TestCertificates.MxHost));
        await using var _ = web;
        using var __ = env;
        env.Dns.AddTlsa(TlsTestEnvironment.TlsaName, 3, 1, 1, DaneMatcher.ComputeAssociationData(TestCertificates.Leaf, 1, 1));
        using var server = new TlsTestServer(TestCertificates.Leaf);

        var (session, error) = await env.HandshakeAsync(server, requireVerified: true);

        Assert.That(error, Is.Null);
        Assert.That(session.Policy.MtaSts, Is.Not.Null);
        Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.Dane));
    }

    [Test]
    public async Task PolicyCache_ReusedUntilIdChangesOrMaxAge()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("enforce", 3600, TestCertificates.MxHost), time);
        await using var _ = web;
        using var __ = env;

        var first = await env.ResolveAsync();
        var cachedPolicy = await env.ResolveAsync();
        Assert.That(cachedPolicy, Is.SameAs(first), "recipient policy cached for policy_cache_seconds");
        Assert.That(env.Dns.QueryCount(TxtName, DnsClient.QueryType.TXT), Is.EqualTo(1));

        time.Advance(TimeSpan.FromSeconds(61));
        var second = await env.ResolveAsync();
        Assert.That(second, Is.Not.SameAs(first));
        Assert.That(env.Dns.QueryCount(TxtName, DnsClient.QueryType.TXT), Is.EqualTo(2), "TXT re-checked after expiry");
        Assert.That(web.Requests, Is.EqualTo(1), "same id within max_age: no refetch");

        env.Dns.SetTxt(TxtName, "v=STSv1; id=two;");
        web.Body = MtaStsPolicyServer.Policy("testing", 3600, TestCertificates.MxHost);
        time.Advance(TimeSpan.FromSeconds(61));
        var third = await env.ResolveAsync();
        Assert.That(web.Requests, Is.EqualTo(2), "new id: refetch");
        Assert.That(third.Mode, Is.EqualTo(RecipientTlsMode.MtaStsTesting));
        Assert.That(third.MtaSts!.Id, Is.EqualTo("two"));

        time.Advance(TimeSpan.FromSeconds(3601));
        await env.ResolveAsync();
        Assert.That(web.Requests, Is.EqualTo(3), "max_age passed: refetch");
    }

    [Test]
    public async Task FetchFailure_OrMissingTxt_KeepsUnexpiredCachedPolicy()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("enforce", 86400, TestCertificates.MxHost), time);
        await using var _ = web;
        using var __ = env;
        Assert.That((await env.ResolveAsync()).Mode, Is.EqualTo(RecipientTlsMode.MtaStsEnforce));

        env.Dns.SetTxt(TxtName, "v=STSv1; id=two;");
        web.StatusCode = 404;
        time.Advance(TimeSpan.FromSeconds(61));
        var afterFailure = await env.ResolveAsync();
        Assert.That(web.Requests, Is.EqualTo(2));
        Assert.That(afterFailure.Mode, Is.EqualTo(RecipientTlsMode.MtaStsEnforce), "failed refresh keeps the cached policy");

        env.Dns.Clear(TxtName, DnsClient.QueryType.TXT);
        time.Advance(TimeSpan.FromSeconds(61));
        Assert.That((await env.ResolveAsync()).Mode, Is.EqualTo(RecipientTlsMode.MtaStsEnforce), "TXT removal does not cancel a cached policy");
    }

    [Test]
    public async Task TransientFailure_IsRetried()
    {
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("enforce", 86400, TestCertificates.MxHost));
        await using var _ = web;
        using var __ = env;
        web.FailFirst = 1;

        var policy = await env.ResolveAsync();

        Assert.That(web.Requests, Is.EqualTo(2));
        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.MtaStsEnforce));
    }

    private static string Padded(int lines) =>
        MtaStsPolicyServer.Policy("enforce", 86400, TestCertificates.MxHost) + string.Concat(Enumerable.Repeat("x-pad: y\r\n", lines));

    [TestCase(302, "text/plain", 0, "HTTP 302", Description = "redirects are not followed")]
    [TestCase(200, "text/html", 0, "not text/plain", Description = "wrong media type")]
    [TestCase(200, "text/plain", 7_000, "larger than 65536", Description = "70 KB of valid extension fields")]
    [TestCase(404, "text/plain", 0, "HTTP 404", Description = "not found")]
    public async Task BadResponse_MeansNoPolicy(int status, string contentType, int padLines, string error)
    {
        var (env, web) = await StartAsync(Padded(padLines));
        await using var _ = web;
        using var __ = env;
        web.StatusCode = status;
        web.ContentType = contentType;

        var policy = await env.ResolveAsync();
        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.None));
        Assert.That(web.Requests, Is.EqualTo(1), "permanent failures are not retried");

        var fetcher = new MtaStsPolicyFetcher(env.Http!, env.Options);
        var result = await fetcher.FetchAsync(TestCertificates.Domain, "one", CancellationToken.None);
        Assert.That(result.Policy, Is.Null);
        Assert.That(result.Error, Does.Contain(error));
    }

    [Test]
    public async Task ExtensionFields_UnderSizeLimit_AreIgnored()
    {
        var (env, web) = await StartAsync(Padded(6_000));
        await using var _ = web;
        using var __ = env;

        var result = await new MtaStsPolicyFetcher(env.Http!, env.Options).FetchAsync(TestCertificates.Domain, "one", CancellationToken.None);

        Assert.That(result.Error, Is.Null);
        Assert.That(result.Policy!.Mode, Is.EqualTo(MtaStsMode.Enforce));
    }

    [Test]
    public async Task PolicyHostCertificateWithWrongName_MeansNoPolicy()
    {
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("enforce", 86400, TestCertificates.MxHost), webCert: TestCertificates.WrongName);
        await using var _ = web;
        using var __ = env;

        var policy = await env.ResolveAsync();
        var direct = await new MtaStsPolicyFetcher(env.Http!, env.Options).FetchAsync(TestCertificates.Domain, "one", CancellationToken.None);

        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.None));
        Assert.That(direct.Error, Does.Contain("certificate"));
        Assert.That(web.Requests, Is.Zero, "no request is sent over an unauthenticated connection");
    }

    [Test]
    public async Task SlowPolicyServer_TimesOutWithinBudget()
    {
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("enforce", 86400, TestCertificates.MxHost));
        await using var _ = web;
        using var __ = env;
        web.Delay = TimeSpan.FromSeconds(30);
        env.Options.MtaStsFetchTimeoutSeconds = 1;
        env.Options.MtaStsFetchRetries = 1;
        var fetcher = new MtaStsPolicyFetcher(env.Http!, env.Options);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await fetcher.FetchAsync(TestCertificates.Domain, "one", CancellationToken.None);

        Assert.That(result.Error, Is.EqualTo("timed out"));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(web.Requests, Is.EqualTo(2), "the attempt timeout (half the budget) allowed one retry");
    }

    [Test]
    public async Task DuplicateStsTxtRecords_MeanNoPolicy()
    {
        var (env, web) = await StartAsync(MtaStsPolicyServer.Policy("enforce", 86400, TestCertificates.MxHost));
        await using var _ = web;
        using var __ = env;
        env.Dns.SetTxt(TxtName, "v=STSv1; id=one;", "v=STSv1; id=two;");

        var policy = await env.ResolveAsync();

        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.None));
        Assert.That(web.Requests, Is.Zero);
    }
}
