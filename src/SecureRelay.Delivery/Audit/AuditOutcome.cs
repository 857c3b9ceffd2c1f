namespace SecureRelay.Delivery.Audit;

/// <summary>What happened to one recipient in one attempt.</summary>
public enum AuditOutcome
{
    /// <summary>The next hop accepted the message (or an encrypted copy of it).</summary>
    Delivered,

    /// <summary>Temporarily not delivered; retried later.</summary>
    Deferred,

    /// <summary>Failed permanently.</summary>
    Bounced,

    /// <summary>Reached the maximum queue age.</summary>
    Expired,

    /// <summary>Stored in the escrow; a notice without PHI was queued for the recipient.</summary>
    Escrowed,
}
