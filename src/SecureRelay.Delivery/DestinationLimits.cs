namespace SecureRelay.Delivery;

/// <summary>Throttles and timeouts for one destination (next hop).</summary>
public sealed class DestinationLimits
{
    /// <summary>Simultaneous connections to the destination. Default 20.</summary>
    public int MaxConnections { get; set; } = 20;

    /// <summary>Messages sent over one connection before it is closed. Default 100.</summary>
    public int MessagesPerConnection { get; set; } = 100;

    /// <summary>Messages per second to the destination; 0 means unlimited (the default).</summary>
    public double MessagesPerSecond { get; set; }

    /// <summary>TCP connect plus greeting timeout. Default 30 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout for each SMTP command and the DATA transfer. Default 5 min (RFC 5321 §4.5.3.2).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Returns these limits with the override's set fields applied.</summary>
    public DestinationLimits With(DestinationLimitsOverride? o) => o is null ? this : new DestinationLimits
    {
        MaxConnections = o.MaxConnections ?? MaxConnections,
        MessagesPerConnection = o.MessagesPerConnection ?? MessagesPerConnection,
        MessagesPerSecond = o.MessagesPerSecond ?? MessagesPerSecond,
        ConnectTimeout = o.ConnectTimeout ?? ConnectTimeout,
        CommandTimeout = o.CommandTimeout ?? CommandTimeout,
    };
}
