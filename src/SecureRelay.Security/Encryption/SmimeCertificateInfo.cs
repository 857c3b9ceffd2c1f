using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Extension;

namespace SecureRelay.Security.Encryption;

/// <summary>One recipient certificate from the S/MIME certificate directory.</summary>
public sealed class SmimeCertificateInfo
{
    private const int KeyEnciphermentBit = 2;
    private const int MinimumRsaBits = 2048;

    private SmimeCertificateInfo(X509Certificate certificate, string sourcePath, IReadOnlyList<string> addresses)
    {
        Certificate = certificate;
        SourcePath = sourcePath;
        Addresses = addresses;
        Thumbprint = Convert.ToHexStringLower(SHA256.HashData(certificate.GetEncoded()));
        IsSelfSigned = SignsItself(certificate);
    }

    /// <summary>The certificate (BouncyCastle form, as MimeKit's CMS code takes it).</summary>
    public X509Certificate Certificate { get; }

    /// <summary>File it was read from.</summary>
    public string SourcePath { get; }

    /// <summary>Lower-cased email addresses it holds (SubjectAltName rfc822Name and subject E=).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>SHA-256 of the DER encoding, lower-case hex.</summary>
    public string Thumbprint { get; }

    /// <summary>Issuer equals subject and the signature verifies with the certificate's own key.</summary>
    public bool IsSelfSigned { get; }

    /// <summary>Start of validity.</summary>
    public DateTimeOffset NotBefore => new(Certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>End of validity.</summary>
    public DateTimeOffset NotAfter => new(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>
    /// Checks validity period, CA flag, key type and size, key usage and extended key usage at
    /// <paramref name="now"/>. A certificate with CA:TRUE is usable only when it is self-signed:
    /// <c>openssl req -x509</c> sets CA:TRUE by default, and an admin who places such a certificate
    /// of a recipient in the directory means it (Thunderbird and Outlook encrypt to it too). A CA
    /// that issued other certificates is not the recipient's key; a real CA also fails the key usage
    /// check (keyCertSign without keyEncipherment).
    /// </summary>
    public SmimeCertificateStatus Evaluate(DateTimeOffset now)
    {
        if (now < NotBefore)
        {
            return SmimeCertificateStatus.NotYetValid;
        }

        if (now > NotAfter)
        {
            return SmimeCertificateStatus.Expired;
        }

        if (Certificate.GetBasicConstraints() >= 0 && !IsSelfSigned)
        {
            return SmimeCertificateStatus.CertificateAuthority;
        }

        if (Certificate.GetPublicKey() is not RsaKeyParameters rsa)
        {
            return SmimeCertificateStatus.UnsupportedKeyType;
        }

        if (rsa.Modulus.BitLength < MinimumRsaBits)
        {
            return SmimeCertificateStatus.WeakKey;
        }

        // RSA key transport needs keyEncipherment (keyAgreement is for EC keys, which are not used).
        var keyUsage = Certificate.GetKeyUsage();
        if (keyUsage is not null && (keyUsage.Length <= KeyEnciphermentBit || !keyUsage[KeyEnciphermentBit]))
        {
            return SmimeCertificateStatus.KeyUsageNotAllowed;
        }

        var extendedKeyUsage = Certificate.GetExtendedKeyUsage();
        if (extendedKeyUsage is not null && extendedKeyUsage.Count > 0
            && !extendedKeyUsage.Any(oid => oid.Equals(KeyPurposeID.id_kp_emailProtection) || oid.Equals(KeyPurposeID.AnyExtendedKeyUsage)))
        {
            return SmimeCertificateStatus.ExtendedKeyUsageNotAllowed;
        }

        return SmimeCertificateStatus.Valid;
    }

    /// <summary>The persisted refusal for a status other than <see cref="SmimeCertificateStatus.Valid"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is Valid or undefined.</exception>
    public static RecipientKeyRefusal ToRefusal(SmimeCertificateStatus status) => status switch
    {
        SmimeCertificateStatus.NotYetValid => RecipientKeyRefusal.NotYetValid,
        SmimeCertificateStatus.Expired => RecipientKeyRefusal.Expired,
        SmimeCertificateStatus.KeyUsageNotAllowed => RecipientKeyRefusal.KeyUsageForbidsEncryption,
        SmimeCertificateStatus.ExtendedKeyUsageNotAllowed => RecipientKeyRefusal.ExtendedKeyUsageForbidsEmail,
        SmimeCertificateStatus.CertificateAuthority => RecipientKeyRefusal.CaCertificate,
        SmimeCertificateStatus.UnsupportedKeyType => RecipientKeyRefusal.UnsupportedAlgorithm,
        SmimeCertificateStatus.WeakKey => RecipientKeyRefusal.WeakKey,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "a usable certificate has no refusal"),
    };

    /// <summary>Wraps a parsed certificate, extracting its email addresses.</summary>
    public static SmimeCertificateInfo Create(X509Certificate certificate, string sourcePath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(sourcePath);
        return new SmimeCertificateInfo(certificate, sourcePath, ExtractAddresses(certificate));
    }

    private static bool SignsItself(X509Certificate certificate)
    {
        if (!certificate.IssuerDN.Equivalent(certificate.SubjectDN))
        {
            return false;
        }

        try
        {
            certificate.Verify(certificate.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is GeneralSecurityException or CryptoException or ArgumentException)
        {
            // Same names, other key: issued by a CA that happens to share the subject name.
            return false;
        }
    }

    private static List<string> ExtractAddresses(X509Certificate certificate)
    {
        var addresses = new List<string>();
        var sanValue = certificate.GetExtensionValue(X509Extensions.SubjectAlternativeName);
        if (sanValue is not null)
        {
            var names = GeneralNames.GetInstance(X509ExtensionUtilities.FromExtensionValue(sanValue));
            foreach (var name in names.GetNames())
            {
                if (name.TagNo == GeneralName.Rfc822Name && name.Name is IAsn1String text)
                {
                    Add(addresses, text.GetString());
                }
            }
        }

        foreach (var email in certificate.SubjectDN.GetValueList(X509Name.EmailAddress))
        {
            Add(addresses, email);
        }

        return addresses;
    }

    private static void Add(List<string> addresses, string? value)
    {
        var address = value?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(address) && address.Contains('@', StringComparison.Ordinal) && !addresses.Contains(address))
        {
            addresses.Add(address);
        }
    }
}
