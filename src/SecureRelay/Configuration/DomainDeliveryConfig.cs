namespace SecureRelay.Configuration;

/// <summary>Per-domain delivery overrides (<c>delivery.domains.NAME</c>).</summary>
public sealed class DomainDeliveryConfig
{
    /// <summary>Concurrent connections to this destination.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>Messages per connection.</summary>
    public int? MessagesPerConnection { get; set; }

    /// <summary>Messages per second (0 = unlimited).</summary>
    public double? RatePerSecond { get; set; }
}
