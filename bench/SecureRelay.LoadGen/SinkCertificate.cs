using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.LoadGen;

/// <summary>The counting sink's STARTTLS certificate: PEM files when given (the benchmark passes the
/// same throw-away certificate both relays use inbound), else a self-signed ECDSA P-256 one made in
/// memory. Nobody validates it: the relays deliver opportunistically to the sink.</summary>
internal static class SinkCertificate
{
    public static X509Certificate2 Load(string certFile, string keyFile)
    {
        if (certFile.Length > 0 != keyFile.Length > 0)
        {
            throw new ArgumentException("--tls-cert and --tls-key go together");
        }

        if (certFile.Length > 0)
        {
            using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            // Re-import as PKCS#12 so the private key is usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bench-sink", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("bench-sink");
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        var now = DateTimeOffset.UtcNow;
        using var cert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }
}
