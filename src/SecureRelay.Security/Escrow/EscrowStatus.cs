namespace SecureRelay.Security.Escrow;

/// <summary>
/// Lifecycle of an escrowed message. The numeric values are persisted in the escrow database and
/// must never change (a test freezes them).
/// </summary>
public enum EscrowStatus
{
    /// <summary>Stored, not yet opened by the recipient.</summary>
    Pending = 0,

    /// <summary>Opened at least once through the portal; still available until it expires.</summary>
    Read = 1,

    /// <summary>Past its expiry; the sealed content has been (or will be) destroyed.</summary>
    Expired = 2,

    /// <summary>Withdrawn by an operator; the sealed content has been destroyed.</summary>
    Revoked = 3,
}
