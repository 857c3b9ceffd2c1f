namespace SecureRelay.Security.Encryption;

/// <summary>Outcome of a Web Key Directory lookup.</summary>
public enum WkdLookupStatus
{
    /// <summary>A usable key was found.</summary>
    Found,

    /// <summary>The domain answered: no (usable) key for this address.</summary>
    NotFound,

    /// <summary>The lookup failed (network, timeout, oversized or malformed answer); try again later.</summary>
    Failed,
}
