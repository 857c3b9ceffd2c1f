namespace SecureRelay.Delivery;

/// <summary>The default observer: ignores everything.</summary>
internal sealed class NoEvents : IDeliveryEvents
{
    public static readonly NoEvents Instance = new();
}
