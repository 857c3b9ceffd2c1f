using SecureRelay.Policy.Yaml;
using SecureRelay.Spool;

namespace SecureRelay.Configuration;

/// <summary>A loaded, valid configuration and the values the host derives from it (paths under
/// <c>data_dir</c> where a key is unset).</summary>
public sealed class RelaySettings
{
    /// <summary>Wraps a bound and validated configuration.</summary>
    public RelaySettings(RelayConfig config, string configFile, LoadedYaml<RelayConfig> source)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        ConfigFile = configFile;
        Source = source;
    }

    /// <summary>The configuration; every section is the options type of its component.</summary>
    public RelayConfig Config { get; }

    /// <summary>The file it came from (absolute).</summary>
    public string ConfigFile { get; }

    /// <summary>Positions of the document's nodes, for errors found later (e.g. a certificate that fails to load).</summary>
    public LoadedYaml<RelayConfig> Source { get; }

    /// <summary>Absolute data directory.</summary>
    public string DataDir => Config.DataDir;

    /// <summary>Our host name.</summary>
    public string Hostname => Config.Hostname;

    /// <summary>The listeners.</summary>
    public IReadOnlyList<ListenerConfig> Listeners => Config.Listeners;

    /// <summary>The admin endpoint.</summary>
    public System.Net.IPEndPoint AdminEndpoint => Config.Admin.Endpoint;

    /// <summary>Absolute admin bearer-token file (<c>admin.token_file</c> or data_dir/admin.token).</summary>
    public string AdminTokenFile => Config.Admin.TokenFile ?? Path.Combine(DataDir, "admin.token");

    /// <summary>True when <c>admin.token_file</c> was not set: the relay creates the file on first run.</summary>
    public bool AdminTokenFileIsDefault => Config.Admin.TokenFile is null;

    /// <summary>Absolute spool key file.</summary>
    public string SpoolKeyFile => Config.Spool.KeyFile ?? Path.Combine(DataDir, "keys", "spool.key");

    /// <summary>The spool's options: the <c>spool:</c> section in <c>DATA_DIR/spool</c>.</summary>
    public SpoolOptions Spool => Config.Spool with { DataDirectory = Path.Combine(DataDir, "spool"), KeyFile = SpoolKeyFile };

    /// <summary>Absolute policy file, or null for the built-in default policy.</summary>
    public string? PolicyFile => Config.PolicyFile;

    /// <summary>Absolute audit log path.</summary>
    public string AuditLog => Config.Audit.Path ?? Path.Combine(DataDir, "audit", "audit.jsonl");

    /// <summary>Absolute consent database path.</summary>
    public string ConsentDb => Config.Stores.ConsentDb ?? Path.Combine(DataDir, "stores", "consent.db");

    /// <summary>Absolute suppression database path.</summary>
    public string SuppressionDb => Config.Stores.SuppressionDb ?? Path.Combine(DataDir, "stores", "suppression.db");

}
