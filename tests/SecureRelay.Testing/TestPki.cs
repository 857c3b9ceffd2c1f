using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Testing;

/// <summary>
/// A throw-away CA (made with .NET's <see cref="CertificateRequest"/>) issuing S/MIME (email SAN) and
/// TLS server (DNS SAN) certificates, and self-signed server certificates that no CA vouches for.
/// </summary>
public sealed class TestPki : IDisposable
{
    private const string EmailProtectionEku = "1.3.6.1.5.5.7.3.4";
    private const string ServerAuthEku = "1.3.6.1.5.5.7.3.1";

    // RSA key generation dominates test time on 2 cores: one CA key and one leaf key serve every
    // certificate (distinct certificates still differ by subject and serial).
    private static readonly RSA CaKey = RSA.Create(2048);
    private static readonly RSA LeafKey = RSA.Create(2048);

    /// <summary>A new CA named <paramref name="caName"/>, valid from five years ago for ten years.</summary>
    public TestPki(string caName = "SecureRelay Test CA")
    {
        var request = new CertificateRequest("CN=" + caName, CaKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(10));
    }

    /// <summary>The CA certificate (with its key).</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>The CA certificate as PEM.</summary>
    public string CaPem => Ca.ExportCertificatePem();

    /// <summary>Issues an end-entity certificate (RSA-2048); returns it with its key.</summary>
    public (X509Certificate2 Certificate, RSA Key) Issue(string? sanEmail, string subject, DateTimeOffset notBefore, DateTimeOffset notAfter,
        X509KeyUsageFlags usage = X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature, bool isCa = false, bool emailEku = true)
    {
        var san = new SubjectAlternativeNameBuilder();
        if (sanEmail is not null)
        {
            san.AddEmailAddress(sanEmail);
        }

        var certificate = Issue(subject, emailEku ? EmailProtectionEku : null, sanEmail is null ? null : san, notBefore, notAfter, usage, isCa);
        return (certificate, LeafKey);
    }

    /// <summary>An S/MIME certificate for <paramref name="email"/>, valid from yesterday for a year;
    /// writes <c>email.pem</c> to <paramref name="directory"/> and <c>email.key</c> to <paramref name="keyDirectory"/>.</summary>
    public (string CertPath, string KeyPath, X509Certificate2 Certificate) IssueSmime(string email, string directory, string keyDirectory)
    {
        X509Certificate2 certificate = Issue(email, "CN=" + email, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)).Certificate;
        string certPath = Path.Combine(directory, email + ".pem");
        string keyPath = Path.Combine(keyDirectory, email + ".key");
        WritePem(certPath, certificate);
        WriteKey(keyPath, LeafKey);
        return (certPath, keyPath, certificate);
    }

    /// <summary>A TLS server certificate (with its key, usable by SslStream) for <paramref name="dnsName"/>.</summary>
    public X509Certificate2 IssueServer(string dnsName)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        using X509Certificate2 issued = Issue("CN=" + dnsName, ServerAuthEku, san, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1),
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, isCa: false);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(LeafKey);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }

    /// <summary>A self-signed ECDSA P-256 server certificate (no CA will vouch for it) for
    /// <paramref name="dnsName"/>, valid from yesterday for <paramref name="validDays"/> days; with
    /// <paramref name="alsoLoopback"/>, <c>localhost</c> and 127.0.0.1 are in its SAN too.</summary>
    public static X509Certificate2 SelfSigned(string dnsName, int validDays = 1, bool alsoLoopback = false) =>
        SelfSigned(dnsName, ECDsa.Create(ECCurve.NamedCurves.nistP256), validDays, alsoLoopback);

    /// <summary>As <see cref="SelfSigned(string, int, bool)"/> with an RSA-2048 key (for the ECDHE-RSA suites).</summary>
    public static X509Certificate2 SelfSignedRsa(string dnsName, int validDays = 1, bool alsoLoopback = false) =>
        SelfSigned(dnsName, RSA.Create(2048), validDays, alsoLoopback);

    /// <summary>Writes <paramref name="certificate"/> as PEM.</summary>
    public static void WritePem(string path, X509Certificate2 certificate) => File.WriteAllText(path, certificate.ExportCertificatePem());

    /// <summary>Writes <paramref name="key"/> as PKCS#8 PEM.</summary>
    public static void WriteKey(string path, RSA key) => File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());

    /// <inheritdoc />
    public void Dispose() => Ca.Dispose();

    private X509Certificate2 Issue(string subject, string? eku, SubjectAlternativeNameBuilder? san, DateTimeOffset notBefore, DateTimeOffset notAfter,
        X509KeyUsageFlags usage, bool isCa)
    {
        var request = new CertificateRequest(subject, LeafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        if (eku is not null)
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(eku)], false));
        }

        if (san is not null)
        {
            request.CertificateExtensions.Add(san.Build());
        }

        byte[] serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        return request.Create(Ca, notBefore, notAfter, serial);
    }

    private static X509Certificate2 SelfSigned(string dnsName, AsymmetricAlgorithm key, int validDays, bool alsoLoopback)
    {
        using (key)
        {
            var request = key is RSA rsa
                ? new CertificateRequest("CN=" + dnsName, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                : new CertificateRequest("CN=" + dnsName, (ECDsa)key, HashAlgorithmName.SHA256);
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName(dnsName);
            if (alsoLoopback)
            {
                san.AddDnsName("localhost");
                san.AddIpAddress(System.Net.IPAddress.Loopback);
            }

            request.CertificateExtensions.Add(san.Build());
            // KeyEncipherment too: OpenSSL refuses an RSA certificate without it for TLS 1.2 RSA suites.
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthEku)], critical: false));
            using X509Certificate2 cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(validDays));
            // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
        }
    }
}
