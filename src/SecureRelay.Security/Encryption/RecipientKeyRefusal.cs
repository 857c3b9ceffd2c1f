namespace SecureRelay.Security.Encryption;

/// <summary>
/// Why a recipient's S/MIME certificate or PGP key cannot be used. The snake_case names
/// (<see cref="KeyRefusalNames"/>) are written into audit records and log lines, so neither the
/// numbers nor the names may change; add new values at the end.
/// </summary>
public enum RecipientKeyRefusal
{
    /// <summary>The method is not configured on this relay (<c>not_configured</c>).</summary>
    NotConfigured = 0,

    /// <summary>No certificate or key names this address (<c>no_address_match</c>); for WKD: no key
    /// published, or none with a user id for the address.</summary>
    NoAddressMatch = 1,

    /// <summary>notAfter / key expiry in the past (<c>expired</c>).</summary>
    Expired = 2,

    /// <summary>notBefore in the future (<c>not_yet_valid</c>).</summary>
    NotYetValid = 3,

    /// <summary>A CA certificate that is not a self-signed certificate of the recipient (<c>ca_certificate</c>).</summary>
    CaCertificate = 4,

    /// <summary>keyUsage present without keyEncipherment (<c>key_usage_forbids_encryption</c>).</summary>
    KeyUsageForbidsEncryption = 5,

    /// <summary>extendedKeyUsage present without emailProtection or anyExtendedKeyUsage
    /// (<c>extended_key_usage_forbids_email</c>).</summary>
    ExtendedKeyUsageForbidsEmail = 6,

    /// <summary>RSA (or ElGamal) key shorter than 2048 bits (<c>weak_key</c>).</summary>
    WeakKey = 7,

    /// <summary>A public key algorithm the relay does not encrypt to (<c>unsupported_algorithm</c>).</summary>
    UnsupportedAlgorithm = 8,

    /// <summary>The key (primary key or every encryption subkey) is revoked (<c>revoked</c>).</summary>
    Revoked = 9,

    /// <summary>The key has no encryption-capable (sub)key (<c>no_encryption_subkey</c>).</summary>
    NoEncryptionSubkey = 10,

    /// <summary>The Web Key Directory could not be asked (<c>wkd_lookup_failed</c>); see <see cref="WkdFailureKind"/>.</summary>
    WkdLookupFailed = 11,
}
