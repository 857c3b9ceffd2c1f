using System.Globalization;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>The policy runs before the 250: a refusal reaches the application as an SMTP reply;
/// non-PHI goes opportunistic; a broken policy is caught by check and a reload keeps the old one.</summary>
[TestFixture]
[NonParallelizable]
public sealed class PolicyEnforcementTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private const string Policy = """
        # yaml-language-server: $schema=./policy.schema.json
        version: 1
        rules:
          - name: billing-hold
            match:
              subject: "(?i)hold-me"
            action: hold
        """;

    [Test]
    public async Task MarketingWithPhiAndNoConsentIsRefusedAtData()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none"));

        var (_, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "pat@home.test", Wait, "--header", "X-SecureRelay-Category: marketing", "--body", "Patient: Jane Roe, DOB 04/12/1961, MRN 00482913, dx E11.9 - try our new program");

        Assert.That(output, Does.Contain("550 5.7.1"), "marketing that carries PHI needs a recorded authorization");
        await Task.Delay(1000);
        Assert.That(sink.CountMessages(), Is.Zero);

        var (code, added) = await RelayProcess.RunVerbAsync(Wait, "consent", "add", "pat@home.test", "--config", relay.ConfigFile);
        Assert.That(code, Is.Zero, added);
        var (_, again) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "pat@home.test", Wait, "--header", "X-SecureRelay-Category: marketing", "--body", "Patient: Jane Roe, DOB 04/12/1961, MRN 00482913, dx E11.9 - try our new program");
        Assert.That(again, Does.Match(@"250 2\.0\.0 Ok: queued as"), "with consent on file the message is accepted");
    }

    [Test]
    public async Task NonPhiGoesOpportunisticToAPlainSink()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none"));
        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "x@dest.test", Wait, "--header", "Subject: your order shipped", "--add-header", "X-SecureRelay-Classification: none",
            "--body", "Order 12345 shipped; tracking 1Z999AA10123456784.");
        Assert.That(code, Is.Zero, output);
        Assert.That(await sink.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);
        Assert.That(sink.ReadDump(), Does.Contain("tracking 1Z999AA10123456784"));
        Assert.That(sink.ReadDump(), Does.Not.Contain("X-SecureRelay-"), "our headers never leave");
    }

    [Test]
    public async Task PolicyHoldKeepsTheMessageInTheQueue()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none", extra: "policy_file: ./policy.yaml\n"), WritePolicy);
        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "x@dest.test", Wait, "--header", "Subject: please hold-me", "--body", "nothing sensitive");
        Assert.That(code, Is.Zero, output);
        await Task.Delay(1500);
        Assert.That(sink.CountMessages(), Is.Zero, "held messages are not delivered");
        var (_, list) = await RelayProcess.RunVerbAsync(Wait, "queue", "list", "--state", "held", "--config", relay.ConfigFile);
        Assert.That(list, Does.Contain("held").And.Contain("-- 1 message(s)"), list);

        var id = list.Split('\n')[0].Split(' ')[0];
        var (releaseCode, released) = await RelayProcess.RunVerbAsync(Wait, "queue", "release", id, "--config", relay.ConfigFile);
        Assert.That(releaseCode, Is.Zero, released);
        Assert.That(await sink.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), "released by the admin, it is delivered");
    }

    [Test]
    public async Task BrokenPolicyIsReportedByCheckAndAReloadKeepsTheRunningOne()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none", extra: "policy_file: ./policy.yaml\n"), WritePolicy);
        var policyPath = Path.Combine(relay.Directory, "policy.yaml");

        await File.WriteAllTextAsync(policyPath, Policy.Replace("action: hold", "action: hold\n    colour: blue", StringComparison.Ordinal));
        var (checkCode, checkOut) = await RelayProcess.RunVerbAsync(Wait, "check", "--config", relay.ConfigFile);
        Assert.That(checkCode, Is.EqualTo(1), checkOut);
        Assert.That(checkOut, Does.Match(@"policy\.yaml:\d+:\d+: .*colour"));

        await Tools.RunAsync("/bin/kill", ["-HUP", relay.Pid!.Value.ToString(CultureInfo.InvariantCulture)], Wait);
        using var http = new HttpClient();
        var metricsUri = new Uri($"http://127.0.0.1:{relay.AdminPort.ToString(CultureInfo.InvariantCulture)}/metrics");
        var metrics = "";
        for (var i = 0; i < 50 && !metrics.Contains("securerelay_policy_reloads_total{result=\"failed\"}", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            metrics = await http.GetStringAsync(metricsUri);
        }

        Assert.That(metrics, Does.Match(@"securerelay_policy_reloads_total\{result=""failed""\} [1-9]"));
        Assert.That(relay.Log, Does.Contain("keeping the running policy"));

        // The old policy (hold on "hold-me") still applies.
        await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "x@dest.test", Wait, "--header", "Subject: hold-me");
        await Task.Delay(1500);
        Assert.That(sink.CountMessages(), Is.Zero);
    }

    private static void WritePolicy(string dir) => File.WriteAllText(Path.Combine(dir, "policy.yaml"), Policy);
}
