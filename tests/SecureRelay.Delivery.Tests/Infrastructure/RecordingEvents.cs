using System.Collections.Concurrent;

namespace SecureRelay.Delivery.Tests.Infrastructure;

public sealed class RecordingEvents : IDeliveryEvents
{
    public ConcurrentQueue<DeliveryEvent> Delivered { get; } = new();
    public ConcurrentQueue<DeliveryEvent> Deferred { get; } = new();
    public ConcurrentQueue<DeliveryEvent> Bounced { get; } = new();
    public ConcurrentQueue<DeliveryEvent> Expired { get; } = new();
    public ConcurrentQueue<ConnectionEvent> Opened { get; } = new();

    public void OnDelivered(DeliveryEvent e) => Delivered.Enqueue(e);
    public void OnDeferred(DeliveryEvent e) => Deferred.Enqueue(e);
    public void OnBounced(DeliveryEvent e) => Bounced.Enqueue(e);
    public void OnExpired(DeliveryEvent e) => Expired.Enqueue(e);
    public void OnConnectionOpened(ConnectionEvent e) => Opened.Enqueue(e);
}
