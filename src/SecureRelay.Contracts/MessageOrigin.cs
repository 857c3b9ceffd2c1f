namespace SecureRelay.Contracts;

/// <summary>Who wrote a queued message. Relay-generated messages carry no PHI and were never
/// classified; they go <c>opportunistic</c>. Persisted by number: never renumber.</summary>
public enum MessageOrigin
{
    /// <summary>Submitted by a client and decided by the policy.</summary>
    Submitted = 0,

    /// <summary>An RFC 3464 delivery status notification about another message.</summary>
    DeliveryReport = 1,

    /// <summary>The PHI-free notice telling a recipient that a message waits in the escrow.</summary>
    EscrowNotice = 2,

    /// <summary>Relay-generated, purpose not recorded (written before decision records existed).</summary>
    RelayGenerated = 3,
}
