namespace SecureRelay.Delivery;

/// <summary>
/// Outbound delivery settings. Plain settable properties with defaults so the host can fill them
/// from YAML (snake_case keys map one to one: <c>host_name</c>, <c>routes</c>, <c>limits</c>, …).
/// </summary>
public sealed class DeliveryOptions
{
    /// <summary>Name announced in EHLO and used as Reporting-MTA in DSNs. Default: the machine name.</summary>
    public string HostName { get; set; } = Environment.MachineName;

    /// <summary>Transport map: ordered, first match wins. No match means an MX lookup of the
    /// recipient domain.</summary>
    public List<DeliveryRoute> Routes { get; set; } = [];

    /// <summary>Per-destination limits applied when no override matches.</summary>
    public DestinationLimits Limits { get; set; } = new();

    /// <summary>Outbound connections across all destinations. Default 500.</summary>
    public int MaxConnectionsTotal { get; set; } = 500;

    /// <summary>Per-destination overrides keyed by destination (recipient domain, or the route's
    /// next hop text for routed mail). Unset fields fall back to <see cref="Limits"/>.</summary>
    public Dictionary<string, DestinationLimitsOverride> DomainLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When to retry after a temporary failure.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>A message still undelivered after this long is bounced (Status 4.4.7). Default 5 days.</summary>
    public TimeSpan MaxQueueAge { get; set; } = TimeSpan.FromDays(5);

    /// <summary>TLS for outbound SMTP. Only <see cref="OutboundTlsMode.Opportunistic"/> for now.</summary>
    public OutboundTlsMode TlsMode { get; set; } = OutboundTlsMode.Opportunistic;

    /// <summary>TCP port for MX hosts and for next hops given without a port. Default 25.</summary>
    public int SmtpPort { get; set; } = 25;

    /// <summary>DNS servers as <c>ip</c> or <c>ip:port</c>; empty uses the system resolvers.</summary>
    public List<string> DnsServers { get; set; } = [];

    /// <summary>DNS query timeout. Default 5 s.</summary>
    public TimeSpan DnsTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an idle outbound connection is kept open for more messages. Default 5 s.</summary>
    public TimeSpan IdleConnectionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages loaded from the spool and in delivery at once (memory bound for a large
    /// backlog). Default 10,000.</summary>
    public int MaxReadyMessages { get; set; } = 10_000;
}
