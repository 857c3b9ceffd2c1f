using System.Net.Security;

namespace SecureRelay.Smtp.Session;

/// <summary>
/// The cipher suites the server offers: NIST SP 800-52r2 §3.3.1 with AEAD only. TLS 1.3 suites (all AEAD);
/// for TLS 1.2 only ECDHE (forward secrecy) with AES-GCM, for ECDSA and RSA certificates. ChaCha20-Poly1305
/// is AEAD too but not among SP 800-52r2's approved suites, so it is left out. The CBC suites (SHA-1, SHA-256, SHA-384 MACs) that the system's OpenSSL
/// defaults would also offer are left out: MAC-then-encrypt is what Lucky13 and its successors attack.
/// </summary>
internal static class TlsCipherSuites
{
    /// <summary>In order of preference.</summary>
    public static readonly TlsCipherSuite[] Allowed =
    [
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    ];

    /// <summary>The policy for <see cref="SslServerAuthenticationOptions.CipherSuitesPolicy"/> on Linux (OpenSSL),
    /// where the relay runs; null elsewhere, where .NET takes the suites from the system configuration.</summary>
    public static CipherSuitesPolicy? Policy { get; } = OperatingSystem.IsLinux() ? new CipherSuitesPolicy(Allowed) : null;
}
