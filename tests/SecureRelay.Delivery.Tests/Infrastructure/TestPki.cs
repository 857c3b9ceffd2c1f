using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>A throw-away CA issuing S/MIME (email SAN) and TLS server (DNS SAN) certificates.</summary>
public sealed class TestPki : IDisposable
{
    // RSA key generation dominates on 2 cores: one CA key and one leaf key serve every certificate.
    private static readonly RSA CaKey = RSA.Create(2048);
    private static readonly RSA LeafKey = RSA.Create(2048);

    public TestPki()
    {
        var request = new CertificateRequest("CN=SecureRelay Delivery Test CA", CaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-1), DateTimeOffset.UtcNow.AddYears(5));
    }

    public X509Certificate2 Ca { get; }

    /// <summary>An S/MIME certificate for <paramref name="email"/>; writes cert and key PEM files.</summary>
    public (string CertPath, string KeyPath, X509Certificate2 Certificate) IssueSmime(string email, string directory, string keyDirectory)
    {
        var request = new CertificateRequest("CN=" + email, LeafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddEmailAddress(email);
        request.CertificateExtensions.Add(san.Build());
        X509Certificate2 certificate = request.Create(Ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), Serial());
        string certPath = Path.Combine(directory, email + ".pem");
        string keyPath = Path.Combine(keyDirectory, email + ".key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, LeafKey.ExportPkcs8PrivateKeyPem());
        return (certPath, keyPath, certificate);
    }

    /// <summary>A TLS server certificate (with its key) for <paramref name="dnsName"/>.</summary>
    public X509Certificate2 IssueServer(string dnsName)
    {
        var request = new CertificateRequest("CN=" + dnsName, LeafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        request.CertificateExtensions.Add(san.Build());
        using X509Certificate2 issued = request.Create(Ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), Serial());
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(LeafKey);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A self-signed server certificate (no CA will vouch for it).</summary>
    public static X509Certificate2 SelfSigned(string dnsName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + dnsName, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        request.CertificateExtensions.Add(san.Build());
        using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    public void Dispose() => Ca.Dispose();

    private static byte[] Serial()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        return serial;
    }
}
