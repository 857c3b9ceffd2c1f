using SecureRelay.Delivery;
using SecureRelay.Metrics;

namespace SecureRelay.Hosting;

/// <summary>Turns delivery outcomes into Prometheus metrics. Outcome counters are labelled by recipient
/// domain (what ops ask about even behind a smarthost), connections by next hop; both bounded.</summary>
public sealed class DeliveryMetricsObserver(RelayMetrics metrics) : IDeliveryEvents
{
    /// <inheritdoc />
    public void OnDelivered(DeliveryEvent e)
    {
        metrics.Delivered.WithLabels(metrics.Destination(e.Domain)).Inc();
        metrics.DeliveryDelay.Observe(e.Delay.TotalSeconds);
        metrics.DeliveredByMethod.WithLabels(e.Method ?? "unknown").Inc();
    }

    /// <inheritdoc />
    public void OnDeferred(DeliveryEvent e) => metrics.Deferred.WithLabels(metrics.Destination(e.Domain)).Inc();

    /// <inheritdoc />
    public void OnBounced(DeliveryEvent e) => metrics.Bounced.WithLabels(metrics.Destination(e.Domain)).Inc();

    /// <inheritdoc />
    public void OnExpired(DeliveryEvent e) => metrics.Expired.WithLabels(metrics.Destination(e.Domain)).Inc();

    /// <inheritdoc />
    public void OnConnectionOpened(ConnectionEvent e) => metrics.OutboundConnections.WithLabels(metrics.Destination(e.Destination)).Inc();

    /// <inheritdoc />
    public void OnConnectionClosed(ConnectionEvent e) => metrics.OutboundConnections.WithLabels(metrics.Destination(e.Destination)).Dec();
}
