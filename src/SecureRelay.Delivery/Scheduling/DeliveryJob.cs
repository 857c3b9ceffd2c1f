using SecureRelay.Delivery.Routing;

namespace SecureRelay.Delivery.Scheduling;

/// <summary>The recipients of one message that share a next hop: one SMTP transaction.</summary>
internal sealed class DeliveryJob(MessageAttempt attempt, NextHop hop, int[] recipientIndices)
{
    public MessageAttempt Attempt { get; } = attempt;

    public NextHop Hop { get; } = hop;

    public int[] RecipientIndices { get; } = recipientIndices;
}
