using SecureRelay.Policy.Yaml;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

[TestFixture]
public sealed class TlsOptionsTests
{
    [Test]
    public void Defaults_AreValid() => Assert.That(new TlsOptions().Validate(), Is.Empty);

    [Test]
    public void Yaml_SnakeCaseKeys_Bind()
    {
        const string yaml = "dns_servers: [\"127.0.0.1:5353\", \"::1\"]\ndane: false\nmta_sts_fetch_retries: 0\npolicy_cache_seconds: 30\n";
        var options = StrictYaml.Parse<TlsOptions>(yaml, "tls.yaml").Value;
        Assert.That(options.DnsServers, Is.EqualTo(new[] { "127.0.0.1:5353", "::1" }));
        Assert.That(options.Dane, Is.False);
        Assert.That(options.MtaStsFetchRetries, Is.Zero);
        Assert.That(options.PolicyCacheSeconds, Is.EqualTo(30));
        Assert.That(options.Validate(), Is.Empty);
    }

    [Test]
    public void Invalid_ValuesReported()
    {
        var options = new TlsOptions { DnsServers = ["dns.example"], DnsTimeoutSeconds = 0, TrustAnchors = "/nonexistent/anchors.pem", MtaStsFetchRetries = 11 };
        var errors = options.Validate();
        Assert.That(errors.Select(e => e.Key), Is.EquivalentTo(new[] { "dns_servers[0]", "dns_timeout_seconds", "trust_anchors", "mta_sts_fetch_retries" }));
        Assert.That(errors, Has.Some.Matches<(string Key, string Message)>(e => e.Message.Contains("dns.example")));
    }
}
