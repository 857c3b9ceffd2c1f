using System.Net.Security;
using System.Security.Authentication;

namespace SecureRelay.Security.Tls;

/// <summary>What the audit trail records about the TLS session a message was delivered over.</summary>
/// <param name="MxHost">The MX host connected to.</param>
/// <param name="Protocol">Negotiated TLS version.</param>
/// <param name="CipherSuite">Negotiated cipher suite, when the TLS stack reports it.</param>
/// <param name="Method">How the certificate was authenticated.</param>
/// <param name="Verified">True when the certificate was authenticated.</param>
/// <param name="PolicyMode">The recipient policy mode the MX was under.</param>
/// <param name="CertificateSha256">SHA-256 fingerprint of the server certificate.</param>
/// <param name="Reason">Validation detail (no PHI).</param>
public sealed record TlsSecurityReceipt(
    string MxHost,
    SslProtocols Protocol,
    TlsCipherSuite? CipherSuite,
    TlsValidationMethod Method,
    bool Verified,
    RecipientTlsMode PolicyMode,
    string? CertificateSha256,
    string Reason)
{
    /// <summary>True when the negotiated protocol is TLS 1.2 or newer.</summary>
    public bool ProtocolAcceptable => TlsProtocolPolicy.IsAcceptable(Protocol);
}
