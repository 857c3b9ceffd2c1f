using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Delivery;

/// <summary>
/// Seam for the outbound TLS policy (later: DANE, MTA-STS, PKIX per destination). The default accepts
/// any certificate for opportunistic TLS and reports whether it validated (PKIX), which REQUIRETLS needs.
/// </summary>
public interface IOutboundTlsPolicy
{
    /// <summary>Decides whether to continue the TLS handshake with this certificate; the result of
    /// the check is also returned in <paramref name="authenticated"/> so a message that needs an
    /// authenticated peer (REQUIRETLS) can refuse an opportunistic connection.</summary>
    bool AcceptCertificate(string destination, string host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, out bool authenticated);
}
