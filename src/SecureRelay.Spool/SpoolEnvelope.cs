using SecureRelay.Contracts;

namespace SecureRelay.Spool;

/// <summary>Everything about a message except its content, stored with it and sealed like it.</summary>
public sealed record SpoolEnvelope
{
    /// <summary>The reverse-path; empty for the null sender (bounces are never sent to it).</summary>
    public required string ReversePath { get; init; }

    /// <summary>Recipients in RCPT order; outcomes refer to them by index.</summary>
    public required IReadOnlyList<SpoolRecipient> Recipients { get; init; }

    /// <summary>When the final dot (or BDAT LAST) arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The client's IP address as text, for the audit trail.</summary>
    public string? ClientAddress { get; init; }

    /// <summary>The client's EHLO name.</summary>
    public string? HeloName { get; init; }

    /// <summary>The SMTP AUTH user, if any.</summary>
    public string? AuthenticatedUser { get; init; }

    /// <summary>RFC 3461 ENVID, or null.</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>RFC 3461 RET: 0 unspecified, 1 FULL, 2 HDRS. Persisted: frozen.</summary>
    public int DsnReturn { get; init; }

    /// <summary>BODY=: 0 unspecified, 1 7BIT, 2 8BITMIME, 3 BINARYMIME. Persisted: frozen.</summary>
    public int BodyType { get; init; }

    /// <summary>SMTPUTF8 was requested.</summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>REQUIRETLS (RFC 8689) was requested.</summary>
    public bool RequireTls { get; init; }

    /// <summary>Commit the message straight into <see cref="QueueState.Held"/> (a policy hold), in the
    /// same transaction, so no crash can let it be delivered. Not stored in the envelope itself.</summary>
    public bool Hold { get; init; }

    /// <summary>The policy decision for the message and each recipient (never PHI: names, verdicts
    /// and flags only); <see cref="DecisionRecord.Undecided"/> fails closed.</summary>
    public DecisionRecord Decision { get; init; } = DecisionRecord.Undecided;

    /// <summary>What the SMTP server saw of the content, or null when unknown (BDAT BINARYMIME,
    /// relay-generated messages).</summary>
    public ContentFacts? Content { get; init; }
}
