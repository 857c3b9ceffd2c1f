using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>Host wiring from options: trust anchors file, DNS server, MTA-STS handler.</summary>
[TestFixture]
public sealed class RecipientTlsServicesTests
{
    [Test]
    public async Task FromOptions_EndToEnd_MtaStsEnforceVerified()
    {
        var dir = Directory.CreateTempSubdirectory("tls-services").FullName;
        using var dns = new LoopbackDnsServer();
        await using var web = await MtaStsPolicyServer.StartAsync(TestCertificates.MtaStsHost);
        try
        {
            web.Body = MtaStsPolicyServer.Policy("enforce", 600, TestCertificates.MxHost);
            dns.AddMx(TestCertificates.Domain, 10, TestCertificates.MxHost);
            dns.SetTxt("_mta-sts." + TestCertificates.Domain, "v=STSv1; id=abc;");
            var options = new TlsOptions { TrustAnchors = TestCertificates.WriteRootPem(dir), DnsServers = [dns.EndPoint.ToString()] };
            var anchors = TrustAnchorStore.FromOptions(options);
            using var services = RecipientTlsServices.Create(options, mtaStsHandler: web.CreateHandler(anchors));
            using var server = new TlsTestServer(TestCertificates.Leaf);

            var policy = await services.Resolver.ResolveAsync(TestCertificates.Domain, [TestCertificates.MxHost], CancellationToken.None);
            var session = services.Validator.CreateSession(TestCertificates.MxHost, policy, requireVerified: true);
            var error = await server.ConnectAsync(session);

            Assert.That(error, Is.Null, session.Result?.Reason);
            Assert.That(session.Result!.Method, Is.EqualTo(TlsValidationMethod.MtaSts));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void InvalidOptions_Throw() =>
        Assert.Throws<ArgumentException>(() => RecipientTlsServices.Create(new TlsOptions { DnsServers = ["not-an-ip"] }));
}
