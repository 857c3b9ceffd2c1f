using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>
/// The admin API answers only requests that carry a token from the 0600 token file and name this
/// endpoint in Host/Origin; /metrics and /healthz stay open; refusals are counted by reason from 0
/// and logged without the token; the CLI finds the token through the configuration.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AdminApiAuthTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task ApiNeedsTokenAndOwnHostWhileMetricsStayOpen()
    {
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", TestPorts.Free())], tls: "none", auth: "none"));
        var tokenFile = Path.Combine(relay.Directory, "data", "admin.token");
        Assert.That(File.Exists(tokenFile), Is.True, "generated on first run");
        Assert.That(File.GetUnixFileMode(tokenFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        var token = File.ReadAllLines(tokenFile)[0];
        Assert.That(token, Has.Length.GreaterThanOrEqualTo(32));

        var admin = $"http://127.0.0.1:{relay.AdminPort.ToString(CultureInfo.InvariantCulture)}";
        using var http = new HttpClient { Timeout = Wait };

        // Present at 0 before any failure.
        var metrics = await http.GetStringAsync(new Uri(admin + "/metrics"));
        Assert.That(metrics, Does.Contain("securerelay_admin_auth_failures_total{reason=\"invalid_token\"} 0"));
        using (var health = await http.GetAsync(new Uri(admin + "/healthz")))
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // Every /api verb refuses without a token.
        foreach (var (method, path) in new[] { ("GET", "/api/queue"), ("GET", "/api/queue/counts"), ("POST", "/api/queue/ABC/hold"), ("POST", "/api/queue/ABC/release"), ("POST", "/api/queue/flush"), ("DELETE", "/api/queue/ABC") })
        {
            using var response = await SendAsync(http, method, admin + path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {path}");
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        }

        using (var wrong = await SendAsync(http, "POST", admin + "/api/queue/flush", bearer: "not-the-token-0000000000000000000000000"))
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using (var ok = await SendAsync(http, "POST", admin + "/api/queue/flush", bearer: token))
        {
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ok.Content.ReadAsStringAsync());
        }

        using (var localhost = await SendAsync(http, "GET", admin + "/api/queue/counts", bearer: token, host: "localhost:" + relay.AdminPort.ToString(CultureInfo.InvariantCulture)))
        {
            Assert.That(localhost.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // DNS rebinding: the browser talks to us but names the attacker's host.
        using (var rebound = await SendAsync(http, "GET", admin + "/api/queue", bearer: token, host: "evil.example:" + relay.AdminPort.ToString(CultureInfo.InvariantCulture)))
        {
            Assert.That(rebound.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        // A cross-site POST from a page elsewhere, even if it somehow had the token.
        using (var crossSite = await SendAsync(http, "POST", admin + "/api/queue/flush", bearer: token, origin: "http://evil.example"))
        {
            Assert.That(crossSite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        using (var nullOrigin = await SendAsync(http, "DELETE", admin + "/api/queue/ABC", bearer: token, origin: "null"))
        {
            Assert.That(nullOrigin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        }

        metrics = await http.GetStringAsync(new Uri(admin + "/metrics"));
        Assert.That(metrics, Does.Contain("securerelay_admin_auth_failures_total{reason=\"missing_token\"} 6"));
        Assert.That(metrics, Does.Contain("securerelay_admin_auth_failures_total{reason=\"invalid_token\"} 1"));
        Assert.That(metrics, Does.Contain("securerelay_admin_auth_failures_total{reason=\"foreign_host\"} 1"));
        Assert.That(metrics, Does.Contain("securerelay_admin_auth_failures_total{reason=\"foreign_origin\"} 2"));
        Assert.That(relay.Log, Does.Contain("admin API request refused (invalid_token)"));
        Assert.That(relay.Log, Does.Not.Contain(token), "the token is never logged");
        Assert.That(relay.Log, Does.Not.Contain("not-the-token"), "nor a wrong one");

        // The CLI reads the token file named by (defaulted from) the configuration.
        var (code, output) = await RelayProcess.RunVerbAsync(Wait, "queue", "list", "--config", relay.ConfigFile);
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("-- 0 message(s)"));
    }

    [Test]
    public async Task TokenFileReadableByOthersStopsStartUp()
    {
        using var temp = new TempDirectory("sr-token-");
        var dir = temp.Path;
        var tokenFile = Path.Combine(dir, "admin.token");
        await File.WriteAllTextAsync(tokenFile, new string('t', 40) + "\n");
        File.SetUnixFileMode(tokenFile, (UnixFileMode)0x1A4); // 0644
        var config = Path.Combine(dir, "securerelay.yaml");
        var yaml = TestConfig.Relay([("*", TestPorts.Free())], tls: "none", auth: "none")(TestPorts.Free(), TestPorts.Free())
            .Replace("admin:\n", "admin:\n  token_file: ./admin.token\n", StringComparison.Ordinal);
        await File.WriteAllTextAsync(config, yaml);
        var (code, output) = await RelayProcess.RunVerbAsync(Wait, "run", "--config", config);
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("readable or writable by group/others"));
        Assert.That(output, Does.Not.Contain(new string('t', 40)));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string method, string url, string? bearer = null, string? host = null, string? origin = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (host is not null)
        {
            request.Headers.Host = host;
        }

        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        return await http.SendAsync(request);
    }
}
