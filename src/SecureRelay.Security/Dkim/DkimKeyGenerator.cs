using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace SecureRelay.Security.Dkim;

/// <summary>
/// Generates DKIM keys for <c>securerelay dkim keygen --domain D --selector S --out DIR</c>:
/// writes <c>DIR/S.private</c> (PEM, mode 0600; PKCS#1 for RSA as opendkim expects, PKCS#8 for
/// Ed25519) and <c>DIR/S.txt</c> (the DNS TXT record in zone-file syntax, as opendkim-genkey does).
/// </summary>
public static partial class DkimKeyGenerator
{
    /// <summary>Generates a key pair and writes both files; refuses to overwrite existing files.</summary>
    /// <param name="domain">Signing domain.</param>
    /// <param name="selector">Selector.</param>
    /// <param name="outputDirectory">Directory for the files (created if missing).</param>
    /// <param name="algorithm">RSA (default) or Ed25519.</param>
    /// <param name="rsaBits">RSA modulus size (1024..4096; default 2048).</param>
    /// <exception cref="ArgumentException">Bad domain, selector or size.</exception>
    /// <exception cref="IOException">A target file already exists.</exception>
    public static DkimKeyGenerationResult Generate(string domain, string selector, string outputDirectory,
        DkimKeyAlgorithm algorithm = DkimKeyAlgorithm.Rsa, int rsaBits = 2048)
    {
        if (!IsValidDomain(domain))
        {
            throw new ArgumentException($"'{domain}' is not a domain name", nameof(domain));
        }

        if (!IsValidSelector(selector))
        {
            throw new ArgumentException($"'{selector}' is not a valid selector (letters, digits, '-', '.')", nameof(selector));
        }

        if (algorithm == DkimKeyAlgorithm.Rsa && rsaBits is < 1024 or > 4096)
        {
            throw new ArgumentOutOfRangeException(nameof(rsaBits), "RSA key size must be 1024..4096 bits");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        Directory.CreateDirectory(outputDirectory);
        var privatePath = Path.Combine(outputDirectory, selector + ".private");
        var txtPath = Path.Combine(outputDirectory, selector + ".txt");
        if (File.Exists(privatePath) || File.Exists(txtPath))
        {
            throw new IOException($"{privatePath} or {txtPath} already exists; refusing to overwrite a key");
        }

        var random = new SecureRandom();
        AsymmetricCipherKeyPair pair;
        object privatePem;
        string publicValue;
        if (algorithm == DkimKeyAlgorithm.Rsa)
        {
            var generator = new RsaKeyPairGenerator();
            generator.Init(new RsaKeyGenerationParameters(Org.BouncyCastle.Math.BigInteger.ValueOf(65537), random, rsaBits, 100));
            pair = generator.GenerateKeyPair();
            privatePem = pair.Private; // PemWriter writes RSA private keys as PKCS#1 "RSA PRIVATE KEY"
            publicValue = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(
                SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.Public).GetDerEncoded());
        }
        else
        {
            var generator = new Ed25519KeyPairGenerator();
            generator.Init(new Ed25519KeyGenerationParameters(random));
            pair = generator.GenerateKeyPair();
            privatePem = new Pkcs8Generator(pair.Private).Generate();
            // RFC 8463 §4.2: p= is the raw 32-byte public key, not a SubjectPublicKeyInfo.
            publicValue = "v=DKIM1; k=ed25519; p=" + Convert.ToBase64String(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
        }

        var pemText = new StringWriter();
        var writer = new PemWriter(pemText);
        if (privatePem is Org.BouncyCastle.Utilities.IO.Pem.PemObject pemObject)
        {
            writer.WriteObject(pemObject);
        }
        else
        {
            writer.WriteObject(privatePem);
        }

        writer.Writer.Flush();
        WritePrivate(privatePath, pemText.ToString());

        var name = selector + "._domainkey." + domain.TrimEnd('.').ToLowerInvariant();
        File.WriteAllText(txtPath, FormatZoneRecord(name, publicValue));
        return new DkimKeyGenerationResult(privatePath, txtPath, name, publicValue);
    }

    /// <summary>
    /// Zone-file form of the record; the value is split into quoted strings of at most 255 bytes
    /// (RFC 1035 character-string limit) that resolvers concatenate.
    /// </summary>
    public static string FormatZoneRecord(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        builder.Append(name).Append(".\tIN\tTXT\t( ");
        for (var i = 0; i < value.Length; i += 250)
        {
            builder.Append('"').Append(value.AsSpan(i, Math.Min(250, value.Length - i))).Append("\" ");
        }

        builder.Append(")\n");
        return builder.ToString();
    }

    /// <summary>Whether <paramref name="domain"/> is a plausible DNS domain name (LDH labels, at least two).</summary>
    public static bool IsValidDomain(string? domain) =>
        !string.IsNullOrEmpty(domain) && domain.Length <= 253 && DomainPattern().IsMatch(domain.TrimEnd('.'));

    /// <summary>Whether <paramref name="selector"/> is a valid DKIM selector (RFC 6376 §3.1: dot-separated sub-domains).</summary>
    public static bool IsValidSelector(string? selector) =>
        !string.IsNullOrEmpty(selector) && selector.Length <= 63 && SelectorPattern().IsMatch(selector);

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var streamWriter = new StreamWriter(stream);
        streamWriter.Write(text);
    }

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?)*$")]
    private static partial Regex SelectorPattern();
}
