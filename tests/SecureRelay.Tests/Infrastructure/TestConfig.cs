using System.Globalization;
using System.Text;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>Builds securerelay.yaml texts for tests.</summary>
public static class TestConfig
{
    /// <summary>A relay with one listener, the given routes (pattern → port on 127.0.0.1), short
    /// retry times and optional extra top-level YAML.</summary>
    public static Func<int, int, string> Relay(
        IEnumerable<(string Pattern, int Port)> routes,
        string tls = "starttls",
        string auth = "optional",
        string relayNetworks = "[127.0.0.0/8]",
        string extra = "",
        string retryFirst = "1s",
        string retryMax = "2s",
        string routesYaml = "") => (smtp, admin) =>
    {
        var sb = new StringBuilder();
        sb.AppendLine("data_dir: ./data");
        sb.AppendLine("hostname: relay.test");
        sb.AppendLine("listeners:");
        sb.AppendLine("  - name: inbound");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    endpoint: 127.0.0.1:{smtp}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    tls: {tls}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    auth: {auth}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    relay_networks: {relayNetworks}");
        sb.AppendLine("routes:");
        sb.Append(routesYaml);
        foreach (var (pattern, port) in routes)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  - domains: [\"{pattern}\"]");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    next_hop: \"127.0.0.1:{port}\"");
        }

        sb.AppendLine("delivery:");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  retry_first: {retryFirst}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  retry_max: {retryMax}");
        sb.AppendLine("  connect_timeout: 5s");
        sb.AppendLine("  command_timeout: 30s");
        sb.AppendLine("admin:");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  endpoint: 127.0.0.1:{admin}");
        sb.Append(extra);
        return sb.ToString();
    };
}
