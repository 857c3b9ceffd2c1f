using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>A self-signed server certificate made in code (no files, no openssl).</summary>
internal static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> Lazy = new(() =>
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Create(new CertificateRequest("CN=mx.test.example", key, HashAlgorithmName.SHA256));
    });

    private static readonly Lazy<X509Certificate2> LazyRsa = new(() =>
    {
        using var key = RSA.Create(2048);
        return Create(new CertificateRequest("CN=mx.test.example", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    });

    /// <summary>ECDSA P-256.</summary>
    public static X509Certificate2 Server => Lazy.Value;

    /// <summary>RSA-2048, for the ECDHE-RSA cipher suites.</summary>
    public static X509Certificate2 ServerRsa => LazyRsa.Value;

    private static X509Certificate2 Create(CertificateRequest request)
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("mx.test.example");
        san.AddDnsName("localhost");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        // KeyEncipherment too: OpenSSL refuses an RSA certificate without it for TLS 1.2 RSA suites.
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}
