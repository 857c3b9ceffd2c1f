namespace SecureRelay.Configuration;

/// <summary>The root of <c>securerelay.yaml</c> (snake_case keys). Defaults here are the embedded
/// defaults; <c>config/securerelay.yaml</c> documents every key.</summary>
public sealed class RelayConfig
{
    /// <summary>Where the spool, keys and generated certificates live. Relative paths resolve
    /// against the directory of the configuration file.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Our host name in the banner, EHLO and <c>Received:</c>; default: the machine name.</summary>
    public string? Hostname { get; set; }

    /// <summary>SMTP listeners.</summary>
    public List<ListenerConfig> Listeners { get; set; } = [];

    /// <summary>Users for SMTP AUTH.</summary>
    public List<UserConfig> Users { get; set; } = [];

    /// <summary>Transport map: first match wins; no match = MX lookup.</summary>
    public List<RouteConfig> Routes { get; set; } = [];

    /// <summary>Inbound SMTP limits.</summary>
    public LimitsConfig Limits { get; set; } = new();

    /// <summary>Outbound delivery: concurrency, rates, retries.</summary>
    public DeliveryConfig Delivery { get; set; } = new();

    /// <summary>Spool settings.</summary>
    public SpoolConfig Spool { get; set; } = new();

    /// <summary>Admin HTTP endpoint.</summary>
    public AdminConfig Admin { get; set; } = new();

    /// <summary>Logging.</summary>
    public LoggingConfig Logging { get; set; } = new();
}
