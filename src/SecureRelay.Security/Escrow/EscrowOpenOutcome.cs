namespace SecureRelay.Security.Escrow;

/// <summary>Why <see cref="EscrowStore.Open"/> did or did not return content.</summary>
public enum EscrowOpenOutcome
{
    /// <summary>The token matched a live record; content is returned.</summary>
    Opened,

    /// <summary>No record has this token.</summary>
    NotFound,

    /// <summary>The record exists but has expired.</summary>
    Expired,

    /// <summary>The record was revoked by an operator.</summary>
    Revoked,
}
