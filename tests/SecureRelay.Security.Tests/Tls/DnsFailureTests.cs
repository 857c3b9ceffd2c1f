using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>DNS failures degrade to "no policy" (never an exception), except TLSA failures under a secure MX set.</summary>
[TestFixture]
public sealed class DnsFailureTests
{
    [Test]
    public async Task ServFailEverywhere_MeansNoPolicy()
    {
        using var env = new TlsTestEnvironment();
        env.Dns.Rcodes[TestCertificates.Domain] = 2;
        env.Dns.Rcodes["_mta-sts." + TestCertificates.Domain] = 2;

        var policy = await env.ResolveAsync();

        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.None));
        Assert.That(env.Dns.QueryCount(TestCertificates.Domain, DnsClient.QueryType.MX), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task UnreachableResolver_MeansNoPolicy()
    {
        // A UDP port with nothing listening on loopback.
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        var options = new TlsOptions { DnsServers = [$"127.0.0.1:{port}"], DnsTimeoutSeconds = 1 };
        var resolver = new RecipientTlsPolicyResolver(
            RecipientTlsPolicyResolver.CreateLookupClient(options), null, options, null, NullLogger<RecipientTlsPolicyResolver>.Instance);

        var policy = await resolver.ResolveAsync(TestCertificates.Domain, [TestCertificates.MxHost], CancellationToken.None);

        Assert.That(policy.Mode, Is.EqualTo(RecipientTlsMode.None));
        Assert.That(policy.MxAuthenticated, Is.False);
    }
}
