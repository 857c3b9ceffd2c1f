using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Security.Tests.Encryption;

/// <summary>Creates a throw-away CA and S/MIME end-entity certificates with .NET's CertificateRequest.</summary>
internal sealed class TestPki : IDisposable
{
    // RSA key generation dominates test time on 2 cores: one CA key and one leaf key serve every
    // certificate (distinct certificates still differ by subject and serial).
    private static readonly RSA CaKey = RSA.Create(2048);
    private static readonly RSA LeafKey = RSA.Create(2048);

    public TestPki()
    {
        var request = new CertificateRequest("CN=SecureRelay Test CA", CaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(10));
    }

    public X509Certificate2 Ca { get; }

    public string CaPem => Ca.ExportCertificatePem();

    /// <summary>Issues an end-entity certificate; returns it with its key.</summary>
    public (X509Certificate2 Certificate, RSA Key) Issue(string? sanEmail, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter,
        X509KeyUsageFlags usage = X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature, bool isCa = false, bool emailEku = true)
    {
        var key = LeafKey;
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        if (emailEku)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4")], false));
        }

        if (sanEmail is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddEmailAddress(sanEmail);
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        var certificate = request.Create(Ca, notBefore, notAfter, serial);
        return (certificate, key);
    }

    public static void WritePem(string path, X509Certificate2 certificate) => File.WriteAllText(path, certificate.ExportCertificatePem());

    public static void WriteKey(string path, RSA key) => File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());

    public void Dispose()
    {
        Ca.Dispose();
    }
}
