using System.Runtime.Serialization;

namespace SecureRelay.Delivery;

/// <summary>
/// Outbound delivery settings, bound from the <c>delivery:</c> section of <c>securerelay.yaml</c> (the
/// YAML key is the <see cref="DataMemberAttribute"/> name or the property's snake_case name; members
/// marked <see cref="IgnoreDataMemberAttribute"/> have no key there). The defaults here are the relay's
/// defaults. <see cref="HostName"/> and <see cref="Routes"/> are written at the top level of the file
/// (<c>hostname</c>, <c>routes</c>).
/// </summary>
public sealed class DeliveryOptions
{
    private static readonly DestinationLimits DefaultLimits = new();
    private static readonly RetryOptions DefaultRetry = new();

    /// <summary>Name announced in EHLO and used as Reporting-MTA in DSNs (top-level <c>hostname</c>).
    /// Default: the machine name when it is a valid host name, else <c>localhost</c>.</summary>
    [IgnoreDataMember]
    public string HostName { get; set; } = DefaultHostName();

    /// <summary>Transport map (top-level <c>routes</c>): ordered, first match wins. No match means an
    /// MX lookup of the recipient domain.</summary>
    [IgnoreDataMember]
    public List<DeliveryRoute> Routes { get; set; } = [];

    /// <summary>Concurrent connections per destination.</summary>
    public int MaxConnections { get; set; } = DefaultLimits.MaxConnections;

    /// <summary>Outbound connections across all destinations.</summary>
    public int MaxConnectionsTotal { get; set; } = 500;

    /// <summary>Messages sent over one connection before it is closed.</summary>
    public int MessagesPerConnection { get; set; } = DefaultLimits.MessagesPerConnection;

    /// <summary>Messages per second per destination; 0 = unlimited.</summary>
    [DataMember(Name = "rate_per_second")]
    public double MessagesPerSecond { get; set; } = DefaultLimits.MessagesPerSecond;

    /// <summary>TCP connect plus greeting timeout.</summary>
    public TimeSpan ConnectTimeout { get; set; } = DefaultLimits.ConnectTimeout;

    /// <summary>Timeout of each outbound SMTP command and of the DATA transfer.</summary>
    public TimeSpan CommandTimeout { get; set; } = DefaultLimits.CommandTimeout;

    /// <summary>First retry delay after a temporary failure; doubled for each further one.</summary>
    [DataMember(Name = "retry_first")]
    public TimeSpan RetryBase { get; set; } = DefaultRetry.Base;

    /// <summary>Longest delay between attempts.</summary>
    public TimeSpan RetryMax { get; set; } = DefaultRetry.Max;

    /// <summary>Explicit delays (first retry, second, …; the last repeats); when non-empty they replace
    /// <see cref="RetryBase"/>/<see cref="RetryMax"/>.</summary>
    [IgnoreDataMember]
    public List<TimeSpan> RetryIntervals { get; set; } = [];

    /// <summary>A message still undelivered after this long is bounced (Status 4.4.7).</summary>
    [DataMember(Name = "max_age")]
    public TimeSpan MaxQueueAge { get; set; } = TimeSpan.FromDays(5);

    /// <summary>DNS servers for MX lookups as <c>ip</c> or <c>ip:port</c>; empty uses the system resolvers.</summary>
    public List<string> DnsServers { get; set; } = [];

    /// <summary>Per-destination overrides (<c>domains</c>) keyed by destination: the recipient domain,
    /// or the route's next hop text for routed mail. Unset fields inherit the settings above. This is
    /// the one home of per-domain delivery settings.</summary>
    [DataMember(Name = "domains")]
    public Dictionary<string, DestinationLimitsOverride> DomainLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>TCP port for MX hosts and for next hops given without a port.</summary>
    [IgnoreDataMember]
    public int SmtpPort { get; set; } = 25;

    /// <summary>DNS query timeout.</summary>
    [IgnoreDataMember]
    public TimeSpan DnsTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an idle outbound connection is kept open for more messages.</summary>
    [IgnoreDataMember]
    public TimeSpan IdleConnectionTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages loaded from the spool and in delivery at once (memory bound for a large backlog).</summary>
    [IgnoreDataMember]
    public int MaxReadyMessages { get; set; } = 10_000;

    /// <summary>The limits of one destination: the settings above with its override applied.</summary>
    public DestinationLimits LimitsFor(string destination) => new DestinationLimits
    {
        MaxConnections = MaxConnections,
        MessagesPerConnection = MessagesPerConnection,
        MessagesPerSecond = MessagesPerSecond,
        ConnectTimeout = ConnectTimeout,
        CommandTimeout = CommandTimeout,
    }.With(DomainLimits.GetValueOrDefault(destination));

    /// <summary>The retry schedule these settings describe.</summary>
    public RetryOptions RetrySchedule() => new() { Base = RetryBase, Max = RetryMax, Intervals = RetryIntervals };

    /// <summary>Checks the settings of the <c>delivery:</c> section: one (YAML key relative to the
    /// section, message) pair per problem, empty when valid. <see cref="HostName"/> and
    /// <see cref="Routes"/> are checked where they are written (the top level).</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        foreach (var e in CheckLimits("", MaxConnections, MessagesPerConnection, MessagesPerSecond, ConnectTimeout, CommandTimeout))
        {
            yield return e;
        }

        foreach (var (domain, o) in DomainLimits)
        {
            if (string.IsNullOrWhiteSpace(domain) || domain.Any(char.IsWhiteSpace))
            {
                yield return ($"domains.{domain}", $"'{domain}' is not a domain name or next hop");
            }

            if (o is null)
            {
                continue;
            }

            foreach (var e in CheckLimits($"domains.{domain}.", o.MaxConnections, o.MessagesPerConnection, o.MessagesPerSecond, o.ConnectTimeout, o.CommandTimeout))
            {
                yield return e;
            }
        }

        if (MaxConnectionsTotal < MaxConnections)
        {
            yield return ("max_connections_total", "must be at least delivery.max_connections");
        }

        if (RetryBase <= TimeSpan.Zero)
        {
            yield return ("retry_first", "must be positive");
        }

        if (RetryMax < RetryBase)
        {
            yield return ("retry_max", "must not be shorter than retry_first");
        }

        if (RetryIntervals.Any(t => t <= TimeSpan.Zero))
        {
            yield return ("retry_intervals", "must be positive");
        }

        if (MaxQueueAge <= TimeSpan.Zero)
        {
            yield return ("max_age", "must be positive");
        }

        if (SmtpPort is < 1 or > 65535)
        {
            yield return ("smtp_port", "must be 1-65535");
        }

        for (var i = 0; i < DnsServers.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(DnsServers[i], out _) && !(System.Net.IPEndPoint.TryParse(DnsServers[i], out var ep) && ep.Port != 0))
            {
                yield return ($"dns_servers[{i}]", $"'{DnsServers[i]}' is not an IP address or ip:port");
            }
        }

        if (DnsTimeout <= TimeSpan.Zero || IdleConnectionTimeout < TimeSpan.Zero || MaxReadyMessages < 1)
        {
            yield return ("", "dns_timeout, idle_connection_timeout and max_ready_messages must be positive");
        }
    }

    private static IEnumerable<(string Key, string Message)> CheckLimits(string prefix, int? connections, int? perConnection, double? rate, TimeSpan? connect, TimeSpan? command)
    {
        if (connections < 1)
        {
            yield return ($"{prefix}max_connections", "must be at least 1");
        }

        if (perConnection < 1)
        {
            yield return ($"{prefix}messages_per_connection", "must be at least 1");
        }

        if (rate < 0 || (rate is { } r && double.IsNaN(r)))
        {
            yield return ($"{prefix}rate_per_second", "must not be negative (0 = unlimited)");
        }

        if (connect <= TimeSpan.Zero)
        {
            yield return ($"{prefix}connect_timeout", "must be positive");
        }

        if (command <= TimeSpan.Zero)
        {
            yield return ($"{prefix}command_timeout", "must be positive");
        }
    }

    private static string DefaultHostName()
    {
        var name = Environment.MachineName;
        return Uri.CheckHostName(name) == UriHostNameType.Dns ? name.ToLowerInvariant() : "localhost";
    }
}
