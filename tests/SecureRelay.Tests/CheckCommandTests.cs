using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary><c>securerelay check</c> accepts the documented minimal file and reports mistakes as
/// <c>file:line:col: reason</c> with exit code 1.</summary>
[TestFixture]
public sealed class CheckCommandTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task MinimalConfigurationFromDesignIsValid()
    {
        var path = Write("""
            data_dir: ./data
            listeners:
              - name: inbound
                endpoint: 127.0.0.1:2525
                tls: starttls          # none | starttls | implicit
                auth: optional         # none | optional | required
                relay_networks: [127.0.0.0/8]
            routes:                    # like a transport map: first match wins; no match = MX lookup
              - domains: ["*"]
                next_hop: "127.0.0.1:2526"
            admin:
              endpoint: 127.0.0.1:9025 # /metrics, /healthz, admin API
            """);
        var (code, output) = await RelayProcess.RunVerbAsync(Wait, "check", "--config", path);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("OK"));
    }

    [Test]
    public async Task PlaintextBindsBeyondLoopbackAreWarnedAbout()
    {
        var path = Write("""
            data_dir: ./data
            listeners:
              - name: lan
                endpoint: 0.0.0.0:2525
                tls: none
                auth: none
              - name: local
                endpoint: 127.0.0.1:2526
                tls: none
                auth: none
            admin:
              endpoint: 0.0.0.0:9025
            """);
        var (code, output) = await RelayProcess.RunVerbAsync(Wait, "check", "--config", path);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("warning: listener lan binds 0.0.0.0:2525"));
        Assert.That(output, Does.Not.Contain("listener local"));
        Assert.That(output, Does.Contain("warning: admin.endpoint binds 0.0.0.0:9025"));

        var quiet = Write("data_dir: ./data\nlisteners:\n  - name: a\n    endpoint: 127.0.0.1:2525\n    tls: none\n    auth: none\n");
        var (_, quietOutput) = await RelayProcess.RunVerbAsync(Wait, "check", "--config", quiet);
        Assert.That(quietOutput, Does.Not.Contain("warning"));
    }

    [TestCase("data_dir: ./d\nlistners: []\n", 2, 1, "listners", TestName = "UnknownKey")]
    [TestCase("data_dir: ./d\ndata_dir: ./e\n", 2, 1, "Duplicate", TestName = "DuplicateKey")]
    [TestCase("listeners:\n  - name: a\n    endpoint: 127.0.0.1:25\n    tls: sometimes\n", 4, 10, "sometimes", TestName = "BadTlsMode")]
    [TestCase("listeners:\n  - name: a\n    endpoint: nowhere\n", 3, 15, "address:port", TestName = "BadEndpoint")]
    [TestCase("listeners:\n  - name: a\n    endpoint: 127.0.0.1:25\n    relay_networks: [10.0.0.0/33]\n", 4, 22, "CIDR", TestName = "BadNetwork")]
    [TestCase("listeners:\n  - name: a\n    endpoint: 127.0.0.1:25\n    tls: none\n    auth: required\n", 5, 11, "tls", TestName = "AuthRequiredWithoutTls")]
    [TestCase("listeners:\n  - name: a\n    endpoint: 127.0.0.1:25\ndelivery:\n  max_age: soon\n", 5, 12, "duration", TestName = "BadDuration")]
    public async Task MistakesAreReportedWithFileLineAndColumn(string yaml, int line, int column, string reasonFragment)
    {
        var path = Write(yaml);
        var (code, output) = await RelayProcess.RunVerbAsync(Wait, "check", "--config", path);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain($"{path}:{line}:{column}: "));
        Assert.That(output, Does.Contain(reasonFragment).IgnoreCase);
    }

    private static string Write(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("sr-check-").FullName;
        var path = Path.Combine(dir, "securerelay.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
