namespace SecureRelay.Security.Encryption;

/// <summary>Whether a recipient certificate can be used for encryption now, and if not why.</summary>
public enum SmimeCertificateStatus
{
    /// <summary>Usable.</summary>
    Valid,

    /// <summary>Not yet valid (notBefore in the future).</summary>
    NotYetValid,

    /// <summary>Expired (notAfter in the past).</summary>
    Expired,

    /// <summary>Key usage does not allow key encipherment.</summary>
    KeyUsageNotAllowed,

    /// <summary>Extended key usage present without emailProtection.</summary>
    ExtendedKeyUsageNotAllowed,

    /// <summary>A CA certificate that is not self-signed (a self-signed one with CA:TRUE, as
    /// <c>openssl req -x509</c> makes by default, is the recipient's own certificate).</summary>
    CertificateAuthority,

    /// <summary>The public key is not RSA (key transport is what every client decrypts).</summary>
    UnsupportedKeyType,

    /// <summary>RSA key shorter than 2048 bits.</summary>
    WeakKey,
}
