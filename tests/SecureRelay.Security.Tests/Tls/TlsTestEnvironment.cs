using Microsoft.Extensions.Logging.Abstractions;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>DNS responder + options + resolver + validator wired together for one test.</summary>
internal sealed class TlsTestEnvironment : IDisposable
{
    public TlsTestEnvironment(bool withAnchors = true, HttpMessageHandler? mtaStsHandler = null, TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Options = new TlsOptions
        {
            DnsServers = [Dns.EndPoint.ToString()],
            DnsTimeoutSeconds = 2,
            MtaStsFetchTimeoutSeconds = 5,
            PolicyCacheSeconds = 60,
        };
        Anchors = withAnchors ? new TrustAnchorStore([TestCertificates.RootCa]) : TrustAnchorStore.Empty;
        Validator = new TlsCertificateValidator(Anchors, Time);
        Http = mtaStsHandler is null ? null : new HttpClient(mtaStsHandler);
        var fetcher = Http is null ? null : new MtaStsPolicyFetcher(Http, Options, NullLogger<MtaStsPolicyFetcher>.Instance);
        Resolver = new RecipientTlsPolicyResolver(
            RecipientTlsPolicyResolver.CreateLookupClient(Options), fetcher, Options, Time, NullLogger<RecipientTlsPolicyResolver>.Instance);
        Dns.AddMx(TestCertificates.Domain, 10, TestCertificates.MxHost);
        Dns.AddAddress(TestCertificates.MxHost, System.Net.IPAddress.Loopback);
    }

    public LoopbackDnsServer Dns { get; } = new();

    public TimeProvider Time { get; }

    public TlsOptions Options { get; }

    public TrustAnchorStore Anchors { get; }

    public TlsCertificateValidator Validator { get; }

    public RecipientTlsPolicyResolver Resolver { get; }

    public HttpClient? Http { get; }

    public static string TlsaName => "_25._tcp." + TestCertificates.MxHost;

    public Task<RecipientTlsPolicy> ResolveAsync() =>
        Resolver.ResolveAsync(TestCertificates.Domain, [TestCertificates.MxHost], CancellationToken.None);

    /// <summary>Resolves the policy, connects to <paramref name="server"/> and returns the session.</summary>
    public async Task<(TlsValidationSession Session, Exception? Error)> HandshakeAsync(TlsTestServer server, bool requireVerified)
    {
        var policy = await ResolveAsync();
        var session = Validator.CreateSession(TestCertificates.MxHost, policy, requireVerified);
        var error = await server.ConnectAsync(session);
        return (session, error);
    }

    public void Dispose()
    {
        Http?.Dispose();
        Dns.Dispose();
    }
}
