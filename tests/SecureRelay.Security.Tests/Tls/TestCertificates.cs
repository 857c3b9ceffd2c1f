using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>Certificates generated in code: a root CA, an intermediate CA, and server leaves.</summary>
internal static class TestCertificates
{
    public const string MxHost = "mx.test.example";
    public const string Domain = "test.example";

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static X509Certificate2 RootCa { get; } = CreateCa("SecureRelay Test Root", null);

    public static X509Certificate2 IntermediateCa { get; } = CreateCa("SecureRelay Test Intermediate", RootCa);

    /// <summary>mx.test.example issued by the root.</summary>
    public static X509Certificate2 Leaf { get; } = CreateLeaf(RootCa, [MxHost]);

    /// <summary>mx.test.example issued by the intermediate.</summary>
    public static X509Certificate2 LeafViaIntermediate { get; } = CreateLeaf(IntermediateCa, [MxHost]);

    /// <summary>other.invalid issued by the intermediate.</summary>
    public static X509Certificate2 WrongNameViaIntermediate { get; } = CreateLeaf(IntermediateCa, ["other.invalid"]);

    /// <summary>mx.test.example issued by the intermediate, expired yesterday.</summary>
    public static X509Certificate2 ExpiredViaIntermediate { get; } =
        CreateLeaf(IntermediateCa, [MxHost], Now.AddDays(-30), Now.AddDays(-1));

    public static X509Certificate2 WrongName { get; } = CreateLeaf(RootCa, ["other.invalid"]);

    public static X509Certificate2 Wildcard { get; } = CreateLeaf(RootCa, ["*.test.example"]);

    public static X509Certificate2 Expired { get; } = CreateLeaf(RootCa, [MxHost], Now.AddDays(-30), Now.AddDays(-1));

    public static X509Certificate2 SelfSigned { get; } = CreateSelfSignedLeaf(MxHost);

    public static X509Certificate2 ExpiredSelfSignedWrongName { get; } =
        CreateSelfSignedLeaf("nothing.invalid", Now.AddDays(-30), Now.AddDays(-2));

    /// <summary>mta-sts.test.example issued by the root, for the policy web server.</summary>
    public static X509Certificate2 MtaStsHost { get; } = CreateLeaf(RootCa, ["mta-sts." + Domain]);

    public static string WriteRootPem(string directory)
    {
        var path = Path.Combine(directory, "trust-anchors.pem");
        File.WriteAllText(path, RootCa.ExportCertificatePem() + "\n");
        return path;
    }

    public static X509Certificate2 CreateCa(string name, X509Certificate2? issuer)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(Now.AddDays(-60), Now.AddYears(2));
        }

        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var cert = request.Create(issuer, Now.AddDays(-50), Now.AddYears(1), Serial());
        return cert.CopyWithPrivateKey(key);
    }

    public static X509Certificate2 CreateLeaf(
        X509Certificate2 issuer, string[] names, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = LeafRequest(names, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        using var cert = request.Create(issuer, notBefore ?? Now.AddHours(-1), notAfter ?? Now.AddDays(90), Serial());
        return cert.CopyWithPrivateKey(key);
    }

    public static X509Certificate2 CreateSelfSignedLeaf(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return LeafRequest([name], key).CreateSelfSigned(notBefore ?? Now.AddHours(-1), notAfter ?? Now.AddDays(90));
    }

    private static CertificateRequest LeafRequest(string[] names, ECDsa key)
    {
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var n in names)
        {
            san.AddDnsName(n);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);
}
