namespace SecureRelay.Security.Dkim;

/// <summary>DKIM signing key types (YAML <c>algorithm: rsa | ed25519</c>).</summary>
public enum DkimKeyAlgorithm
{
    /// <summary>RSA with SHA-256 (<c>rsa-sha256</c>); 2048-bit keys by default.</summary>
    Rsa = 0,

    /// <summary>Ed25519 with SHA-256 (<c>ed25519-sha256</c>, RFC 8463).</summary>
    Ed25519 = 1,
}
