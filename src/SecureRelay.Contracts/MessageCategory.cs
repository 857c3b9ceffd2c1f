namespace SecureRelay.Contracts;

/// <summary>Why a message is sent (HIPAA purposes). Persisted: never renumber.</summary>
public enum MessageCategory
{
    /// <summary>Not stated by header or rule.</summary>
    Unspecified = 0,

    /// <summary><c>treatment</c>.</summary>
    Treatment = 1,

    /// <summary><c>operations</c> (health care operations).</summary>
    Operations = 2,

    /// <summary><c>payment</c>.</summary>
    Payment = 3,

    /// <summary><c>marketing</c>: PHI requires a recorded authorization; the suppression list applies.</summary>
    Marketing = 4,
}
