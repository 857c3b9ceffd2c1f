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

    /// <summary>Checks the settings; returns one message per problem, naming the snake_case key
    /// (empty when valid). The host reports these at start-up or reload.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(HostName) || Uri.CheckHostName(HostName) != UriHostNameType.Dns)
        {
            errors.Add($"host_name: '{HostName}' is not a host name");
        }

        for (int i = 0; i < Routes.Count; i++)
        {
            try
            {
                _ = new Routing.RouteTable([Routes[i]], SmtpPort);
            }
            catch (FormatException ex)
            {
                errors.Add($"routes[{i}]: {ex.Message}");
            }
        }

        CheckLimits("limits", Limits.MaxConnections, Limits.MessagesPerConnection, Limits.MessagesPerSecond, Limits.ConnectTimeout, Limits.CommandTimeout, errors);
        foreach ((string key, DestinationLimitsOverride o) in DomainLimits)
        {
            CheckLimits($"domain_limits.{key}", o.MaxConnections, o.MessagesPerConnection, o.MessagesPerSecond, o.ConnectTimeout, o.CommandTimeout, errors);
        }

        if (MaxConnectionsTotal < 1)
        {
            errors.Add("max_connections_total: must be at least 1");
        }

        if (Retry.Base <= TimeSpan.Zero || Retry.Max < Retry.Base || Retry.Intervals.Any(t => t <= TimeSpan.Zero))
        {
            errors.Add("retry: base and intervals must be positive and max at least base");
        }

        if (MaxQueueAge <= TimeSpan.Zero)
        {
            errors.Add("max_queue_age: must be positive");
        }

        if (SmtpPort is < 1 or > 65535)
        {
            errors.Add("smtp_port: must be 1-65535");
        }

        foreach (string server in DnsServers)
        {
            if (!System.Net.IPEndPoint.TryParse(server, out _))
            {
                errors.Add($"dns_servers: '{server}' is not ip or ip:port");
            }
        }

        if (DnsTimeout <= TimeSpan.Zero || IdleConnectionTimeout < TimeSpan.Zero || MaxReadyMessages < 1)
        {
            errors.Add("dns_timeout, idle_connection_timeout and max_ready_messages must be positive");
        }

        return errors;
    }

    private static void CheckLimits(string key, int? connections, int? perConnection, double? rate, TimeSpan? connect, TimeSpan? command, List<string> errors)
    {
        if (connections < 1)
        {
            errors.Add($"{key}.max_connections: must be at least 1");
        }

        if (perConnection < 1)
        {
            errors.Add($"{key}.messages_per_connection: must be at least 1");
        }

        if (rate < 0 || (rate is { } r && double.IsNaN(r)))
        {
            errors.Add($"{key}.messages_per_second: must be 0 (unlimited) or positive");
        }

        if (connect <= TimeSpan.Zero || command <= TimeSpan.Zero)
        {
            errors.Add($"{key}: timeouts must be positive");
        }
    }
}
