using System.Security.Authentication;

namespace SecureRelay.Delivery.Outbound;

/// <summary>The TLS facts of one outbound connection, for method selection and the audit receipt.</summary>
/// <param name="Encrypted">STARTTLS succeeded.</param>
/// <param name="Verified">The certificate was authenticated (DANE, MTA-STS, PKIX) over TLS 1.2+.</param>
/// <param name="PolicyRequiresVerified">DANE or MTA-STS enforce applies to this MX: nothing may go
/// without verified TLS, whatever the method.</param>
/// <param name="Protocol">Negotiated TLS version.</param>
/// <param name="Cipher">Negotiated cipher suite.</param>
/// <param name="Validation"><c>dane</c>, <c>mta-sts</c>, <c>pkix</c> or <c>none</c>.</param>
/// <param name="CertificateSha256">Server certificate fingerprint.</param>
/// <param name="Reason">Validation detail (why not verified).</param>
internal sealed record SessionSecurity(bool Encrypted, bool Verified, bool PolicyRequiresVerified, SslProtocols Protocol, string? Cipher, string Validation, string? CertificateSha256, string Reason)
{
    public static SessionSecurity Plain { get; } = new(false, false, false, SslProtocols.None, null, "none", null, "no STARTTLS");
}
