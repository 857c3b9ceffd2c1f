using System.Net;
using SecureRelay.Policy.Yaml;

namespace SecureRelay.Configuration;

/// <summary>The configuration after validation: parsed endpoints, networks and durations, absolute paths.</summary>
public sealed class RelaySettings
{
    /// <summary>The file it came from (absolute).</summary>
    public required string ConfigFile { get; init; }

    /// <summary>The raw document as written.</summary>
    public required RelayConfig Raw { get; init; }

    /// <summary>Positions of the raw document's nodes, for errors found later (e.g. a certificate that fails to load).</summary>
    public required LoadedYaml<RelayConfig> Source { get; init; }

    /// <summary>Absolute data directory.</summary>
    public required string DataDir { get; init; }

    /// <summary>Our host name.</summary>
    public required string Hostname { get; init; }

    /// <summary>Validated listeners.</summary>
    public required IReadOnlyList<ListenerSettings> Listeners { get; init; }

    /// <summary>The admin endpoint.</summary>
    public required IPEndPoint AdminEndpoint { get; init; }

    /// <summary>Absolute admin bearer-token file (<c>admin.token_file</c> or data_dir/admin.token).</summary>
    public required string AdminTokenFile { get; init; }

    /// <summary>True when <c>admin.token_file</c> was not set: the relay creates the file on first run.</summary>
    public bool AdminTokenFileIsDefault { get; init; }

    /// <summary>Absolute spool key file.</summary>
    public required string SpoolKeyFile { get; init; }

    /// <summary>Parsed inbound timeouts: command, data.</summary>
    public TimeSpan? CommandTimeout { get; init; }

    /// <summary>Parsed data timeout.</summary>
    public TimeSpan? DataTimeout { get; init; }

    /// <summary>Parsed command timeout under stress (<c>limits.stress_command_timeout</c>).</summary>
    public TimeSpan? StressCommandTimeout { get; init; }

    /// <summary>Parsed retry schedule start.</summary>
    public required TimeSpan RetryFirst { get; init; }

    /// <summary>Parsed retry schedule cap.</summary>
    public required TimeSpan RetryMax { get; init; }

    /// <summary>Parsed maximum queue age.</summary>
    public required TimeSpan MaxAge { get; init; }

    /// <summary>Parsed outbound connect timeout.</summary>
    public required TimeSpan ConnectTimeout { get; init; }

    /// <summary>Parsed outbound command timeout.</summary>
    public required TimeSpan OutboundCommandTimeout { get; init; }

    /// <summary>Parsed DNS servers.</summary>
    public required IReadOnlyList<IPEndPoint> DnsServers { get; init; }

    /// <summary>Absolute policy file, or null for the built-in default policy.</summary>
    public string? PolicyFile { get; init; }

    /// <summary>Absolute audit log path.</summary>
    public required string AuditLog { get; init; }

    /// <summary>Absolute consent database path.</summary>
    public required string ConsentDb { get; init; }

    /// <summary>Absolute suppression database path.</summary>
    public required string SuppressionDb { get; init; }

    /// <summary>Resolves a path from the configuration against the configuration file's directory.</summary>
    public string ResolvePath(string path) => RelayConfigLoader.ResolvePath(ConfigFile, path);
}
