using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using SecureRelay.Configuration;
using SecureRelay.Logging;

namespace SecureRelay.Hosting;

/// <summary>Loads a listener's configured certificate, or generates (once) and reuses a self-signed
/// one under <c>DATA_DIR/tls/</c> with a warning, so that STARTTLS works on the embedded defaults.</summary>
public static class CertificateProvider
{
    /// <summary>Returns the certificate (with private key) for <paramref name="listener"/>.</summary>
    public static X509Certificate2 Load(ListenerConfig listener, RelaySettings settings, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(settings);
        if (listener.CertificateFile is { } certFile && listener.KeyFile is { } keyFile)
        {
            return Exportable(X509Certificate2.CreateFromPemFile(certFile, keyFile));
        }

        var dir = Path.Combine(settings.DataDir, "tls");
        var certPath = Path.Combine(dir, "selfsigned.crt");
        var keyPath = Path.Combine(dir, "selfsigned.key");
        if (!File.Exists(certPath) || !File.Exists(keyPath))
        {
            CreateSelfSigned(settings.Hostname, dir, certPath, keyPath);
        }

        RelayLog.SelfSignedCertificate(logger, listener.Name, certPath);
        return Exportable(X509Certificate2.CreateFromPemFile(certPath, keyPath));
    }

    private static void CreateSelfSigned(string hostname, string dir, string certPath, string keyPath)
    {
        Directory.CreateDirectory(dir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostname}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(hostname);
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var cert = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));

        var tmpKey = keyPath + ".tmp";
        using (var stream = new FileStream(tmpKey, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(tmpKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using var writer = new StreamWriter(stream);
            writer.Write(key.ExportPkcs8PrivateKeyPem());
        }

        File.Move(tmpKey, keyPath, overwrite: true);
        File.WriteAllText(certPath, cert.ExportCertificatePem());
    }

    // SslStream on Linux needs the key in a form it can use for every handshake; a PEM-loaded
    // ephemeral key works, but re-importing as PKCS#12 avoids per-handshake key export costs.
    private static X509Certificate2 Exportable(X509Certificate2 pemLoaded)
    {
        using (pemLoaded)
        {
            return X509CertificateLoader.LoadPkcs12(pemLoaded.Export(X509ContentType.Pkcs12), null);
        }
    }
}
