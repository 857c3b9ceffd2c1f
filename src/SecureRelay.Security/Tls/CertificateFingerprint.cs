using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Security.Tls;

/// <summary>Certificate fingerprints as recorded in audit receipts.</summary>
public static class CertificateFingerprint
{
    /// <summary>Lower-case hex SHA-256 of the DER certificate.</summary>
    public static string Sha256(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData()));
    }
}
