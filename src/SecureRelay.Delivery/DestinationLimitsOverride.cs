using System.Runtime.Serialization;

namespace SecureRelay.Delivery;

/// <summary>Per-destination override of <see cref="DestinationLimits"/> (<c>delivery.domains.NAME</c>); null fields inherit.</summary>
public sealed class DestinationLimitsOverride
{
    /// <summary>See <see cref="DestinationLimits.MaxConnections"/>.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>See <see cref="DestinationLimits.MessagesPerConnection"/>.</summary>
    public int? MessagesPerConnection { get; set; }

    /// <summary>See <see cref="DestinationLimits.MessagesPerSecond"/>.</summary>
    [DataMember(Name = "rate_per_second")]
    public double? MessagesPerSecond { get; set; }

    /// <summary>See <see cref="DestinationLimits.ConnectTimeout"/>.</summary>
    public TimeSpan? ConnectTimeout { get; set; }

    /// <summary>See <see cref="DestinationLimits.CommandTimeout"/>.</summary>
    public TimeSpan? CommandTimeout { get; set; }
}
