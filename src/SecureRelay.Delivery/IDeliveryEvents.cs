namespace SecureRelay.Delivery;

/// <summary>
/// Observer of delivery outcomes, for metrics, audit and webhooks. Called on delivery threads: keep
/// implementations fast and non-blocking. Label metrics with <see cref="DeliveryEvent.Destination"/>
/// (a domain or next hop), never with addresses. All members have empty defaults.
/// </summary>
public interface IDeliveryEvents
{
    /// <summary>The next hop accepted a recipient.</summary>
    void OnDelivered(DeliveryEvent e) { }

    /// <summary>A recipient failed temporarily and will be retried.</summary>
    void OnDeferred(DeliveryEvent e) { }

    /// <summary>A recipient failed permanently.</summary>
    void OnBounced(DeliveryEvent e) { }

    /// <summary>A recipient reached the maximum queue age.</summary>
    void OnExpired(DeliveryEvent e) { }

    /// <summary>An outbound SMTP connection was established (after EHLO and STARTTLS).</summary>
    void OnConnectionOpened(ConnectionEvent e) { }

    /// <summary>An outbound SMTP connection was closed.</summary>
    void OnConnectionClosed(ConnectionEvent e) { }
}
