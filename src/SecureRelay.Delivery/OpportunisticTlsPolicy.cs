using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Delivery;

/// <summary>Opportunistic TLS: any certificate is accepted (encryption without authentication, as
/// RFC 7435 allows); a certificate is "authenticated" only when PKIX validation reported no errors.</summary>
public sealed class OpportunisticTlsPolicy : IOutboundTlsPolicy
{
    /// <inheritdoc />
    public bool AcceptCertificate(string destination, string host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, out bool authenticated)
    {
        authenticated = certificate is not null && errors == SslPolicyErrors.None;
        return true;
    }
}
