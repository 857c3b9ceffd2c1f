namespace SecureRelay.Configuration;

/// <summary>Outbound delivery (<c>delivery:</c>).</summary>
public sealed class DeliveryConfig
{
    /// <summary>Concurrent connections per destination.</summary>
    public int MaxConnections { get; set; } = 20;

    /// <summary>Outbound connections over all destinations together.</summary>
    public int MaxConnectionsTotal { get; set; } = 500;

    /// <summary>Messages sent over one connection before it is closed.</summary>
    public int MessagesPerConnection { get; set; } = 100;

    /// <summary>Messages per second per destination (0 = unlimited).</summary>
    public double RatePerSecond { get; set; }

    /// <summary>First retry delay after a temporary failure.</summary>
    public string RetryFirst { get; set; } = "5m";

    /// <summary>Longest retry delay (delays double up to it).</summary>
    public string RetryMax { get; set; } = "4h";

    /// <summary>After this long in the queue a message is returned to its sender.</summary>
    public string MaxAge { get; set; } = "5d";

    /// <summary>TCP connect timeout.</summary>
    public string ConnectTimeout { get; set; } = "30s";

    /// <summary>Per-command timeout.</summary>
    public string CommandTimeout { get; set; } = "300s";

    /// <summary>Per-domain overrides of the limits above.</summary>
    public Dictionary<string, DomainDeliveryConfig> Domains { get; set; } = [];

    /// <summary>DNS servers (<c>ip</c> or <c>ip:port</c>) for MX lookups; empty = the system's.</summary>
    public List<string> DnsServers { get; set; } = [];
}
