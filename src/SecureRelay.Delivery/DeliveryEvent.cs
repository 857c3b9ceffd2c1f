namespace SecureRelay.Delivery;

/// <summary>One recipient's outcome of one attempt.</summary>
/// <param name="QueueId">The message's queue id.</param>
/// <param name="RecipientIndex">Index in the envelope (not the address: events feed metrics).</param>
/// <param name="Domain">The recipient's domain, lower-cased (a metrics label; never the address).</param>
/// <param name="Destination">Destination key (recipient domain or route next hop): a safe metrics label.</param>
/// <param name="Relay">The server talked to as <c>host[ip]:port</c>, or null when none was reached.</param>
/// <param name="Delay">Time since the message arrived.</param>
/// <param name="DsnStatus">RFC 3463 status such as <c>2.0.0</c> or <c>5.1.1</c>.</param>
/// <param name="Response">The server reply or local reason (no PHI).</param>
public sealed record DeliveryEvent(string QueueId, int RecipientIndex, string Domain, string Destination, string? Relay, TimeSpan Delay, string DsnStatus, string Response)
{
    /// <summary>The delivery method used (<c>smime</c>, <c>pgp</c>, <c>tls-verified</c>, <c>tls</c>,
    /// <c>escrow</c>, <c>opportunistic</c>), or null when none was (deferred, bounced, expired).</summary>
    public string? Method { get; init; }
}
