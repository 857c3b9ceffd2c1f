using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Security.Tls;

/// <summary>Computes and compares TLSA association data (RFC 6698 §2.1).</summary>
public static class DaneMatcher
{
    /// <summary>True when <paramref name="certificate"/> matches the selector, matching type and data of <paramref name="record"/>.</summary>
    public static bool Matches(TlsaAssociation record, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(certificate);
        if (!record.IsUsableForSmtp)
        {
            return false;
        }

        var computed = ComputeAssociationData(certificate, record.Selector, record.MatchingType);
        return computed.AsSpan().SequenceEqual(record.Data.Span);
    }

    /// <summary>The association data for a certificate: selector 0 = DER certificate, 1 = DER SubjectPublicKeyInfo; matching 0 = as is, 1 = SHA-256, 2 = SHA-512.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown selector or matching type.</exception>
    public static byte[] ComputeAssociationData(X509Certificate2 certificate, byte selector, byte matchingType)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var selected = selector switch
        {
            0 => certificate.RawData,
            1 => certificate.PublicKey.ExportSubjectPublicKeyInfo(),
            _ => throw new ArgumentOutOfRangeException(nameof(selector), selector, "selector must be 0 or 1"),
        };
        return matchingType switch
        {
            0 => selected,
            1 => SHA256.HashData(selected),
            2 => SHA512.HashData(selected),
            _ => throw new ArgumentOutOfRangeException(nameof(matchingType), matchingType, "matching type must be 0, 1 or 2"),
        };
    }
}
