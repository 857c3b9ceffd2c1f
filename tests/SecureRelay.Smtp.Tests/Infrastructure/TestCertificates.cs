using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>The listener's self-signed server certificates, made once in code (no files, no openssl).</summary>
internal static class TestCertificates
{
    private static readonly Lazy<X509Certificate2> Lazy = new(() => TestPki.SelfSigned("mx.test.example", validDays: 30, alsoLoopback: true));

    private static readonly Lazy<X509Certificate2> LazyRsa = new(() => TestPki.SelfSignedRsa("mx.test.example", validDays: 30, alsoLoopback: true));

    /// <summary>ECDSA P-256.</summary>
    public static X509Certificate2 Server => Lazy.Value;

    /// <summary>RSA-2048, for the ECDHE-RSA cipher suites.</summary>
    public static X509Certificate2 ServerRsa => LazyRsa.Value;
}
