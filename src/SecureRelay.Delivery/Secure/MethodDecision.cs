using SecureRelay.Contracts;
using SecureRelay.Delivery.Scheduling;

namespace SecureRelay.Delivery.Secure;

/// <summary>The method chosen for one recipient in one attempt, or why none was possible.</summary>
/// <param name="Plan">The recipient.</param>
/// <param name="Method">The chosen method, null when none is possible (see <paramref name="Failure"/>).</param>
/// <param name="Skipped">Why earlier methods were not chosen (short, no PHI).</param>
/// <param name="Failure">The deferral or bounce when no method is possible.</param>
internal sealed record MethodDecision(RecipientPlan Plan, DeliveryMethod? Method, IReadOnlyList<string> Skipped, RecipientResult? Failure)
{
    /// <summary>The chosen method sends the message plainly over SMTP (one shared copy).</summary>
    public bool IsPlainTransport => Method is DeliveryMethod.TlsVerified or DeliveryMethod.Tls or DeliveryMethod.Opportunistic;
}
