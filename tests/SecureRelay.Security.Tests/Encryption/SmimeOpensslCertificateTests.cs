using MimeKit;
using SecureRelay.Security.Encryption;

namespace SecureRelay.Security.Tests.Encryption;

/// <summary>
/// Recipient certificates made the way admins make them, with the real <c>openssl</c> CLI. The rule:
/// a self-signed certificate with CA:TRUE (what <c>openssl req -x509</c> makes by default) is the
/// recipient's own and usable; a CA that issued it is not, nor a certificate whose keyUsage forbids
/// key encipherment, nor an RSA key under 2048 bits. Each refusal is logged once per load, by file.
/// </summary>
public sealed class SmimeOpensslCertificateTests
{
    private TempDirectory _dir = null!;
    private string _certs = null!;

    [SetUp]
    public void SetUp()
    {
        Tools.Require("openssl");
        _dir = new TempDirectory();
        _certs = _dir.File("certs");
        Directory.CreateDirectory(_certs);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static void Openssl(params string[] args)
    {
        var (code, _, stderr) = Tools.Run("openssl", args);
        Assert.That(code, Is.Zero, "openssl " + string.Join(' ', args) + ": " + stderr);
    }

    /// <summary><c>openssl req -x509 -newkey rsa:BITS -subj /emailAddress=A -addext subjectAltName=email:A [-addext EXTRA]</c>.</summary>
    private (string Cert, string Key) SelfSigned(string address, int bits = 2048, string? extra = null)
    {
        var cert = Path.Combine(_certs, address + ".pem");
        var key = _dir.File(address + ".key");
        string[] more = extra is null ? [] : ["-addext", extra];
        Openssl(["req", "-x509", "-newkey", "rsa:" + bits, "-nodes", "-keyout", key, "-out", cert, "-days", "365",
            "-subj", "/emailAddress=" + address, "-addext", "subjectAltName=email:" + address, .. more]);
        return (cert, key);
    }

    private SmimeCertificateDirectory Load(ListLogger<SmimeCertificateDirectory>? logger = null) =>
        new(new SmimeOptions { CertificatesDir = _certs, ReloadOnChange = false }, logger: logger);

    [Test]
    public void Self_signed_openssl_certificate_with_CA_true_is_used_and_openssl_decrypts_the_envelope()
    {
        var (cert, key) = SelfSigned("pat@example.org");
        using var directory = Load();
        var lookup = directory.Lookup("pat@example.org");
        Assert.That(lookup.Certificate, Is.Not.Null, lookup.Problem?.ToString());
        Assert.That(lookup.Certificate!.Certificate.GetBasicConstraints(), Is.GreaterThanOrEqualTo(0), "openssl req -x509 really set CA:TRUE");
        Assert.That(lookup.Certificate.IsSelfSigned, Is.True);

        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("lab@clinic.example.com"));
        message.To.Add(MailboxAddress.Parse("pat@example.org"));
        message.Subject = "Result";
        message.Body = new TextPart("plain") { Text = "biopsy result: benign" };
        using var encrypted = new SmimeEncryptor(directory, new SmimeOptions()).Encrypt(message, ["pat@example.org"]);
        var path = _dir.File("out.eml");
        using (var file = File.Create(path))
        {
            encrypted.WriteTo(FormatOptions.Default, file);
        }

        var (code, stdout, stderr) = Tools.Run("openssl", ["cms", "-decrypt", "-in", path, "-recip", cert, "-inkey", key]);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("biopsy result: benign"));
    }

    [Test]
    public void Ca_issued_ca_certificate_forbidding_key_usage_and_weak_key_are_refused_with_their_reasons_logged_once()
    {
        // A root CA (no address) that issues a CA:TRUE certificate for sub@example.org.
        var caKey = _dir.File("root.key");
        var caCert = Path.Combine(_certs, "root.pem");
        Openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", caCert, "-days", "365", "-subj", "/CN=Clinic Root CA");
        var csr = _dir.File("sub.csr");
        Openssl("req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", _dir.File("sub.key"), "-out", csr, "-subj", "/emailAddress=sub@example.org");
        var ext = _dir.File("sub.ext");
        File.WriteAllText(ext, "basicConstraints=critical,CA:TRUE\nsubjectAltName=email:sub@example.org\n");
        Openssl("x509", "-req", "-in", csr, "-CA", caCert, "-CAkey", caKey, "-set_serial", "2", "-days", "365", "-extfile", ext, "-out", Path.Combine(_certs, "sub.pem"));

        SelfSigned("signer@example.org", extra: "keyUsage=critical,keyCertSign,cRLSign");
        SelfSigned("weak@example.org", bits: 1024);
        SelfSigned("good@example.org", extra: "keyUsage=critical,digitalSignature,keyEncipherment");

        var logger = new ListLogger<SmimeCertificateDirectory>();
        using var directory = Load(logger);
        Assert.Multiple(() =>
        {
            Assert.That(directory.Lookup("sub@example.org").Problem?.ToString(), Is.EqualTo("ca_certificate"));
            Assert.That(directory.Lookup("signer@example.org").Problem?.ToString(), Is.EqualTo("key_usage_forbids_encryption"));
            Assert.That(directory.Lookup("weak@example.org").Problem?.ToString(), Is.EqualTo("weak_key"));
            Assert.That(directory.Lookup("nobody@example.org").Problem?.ToString(), Is.EqualTo("no_address_match"));
            Assert.That(directory.Lookup("good@example.org").Certificate, Is.Not.Null);
        });

        var refused = logger.Lines.Where(l => l.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.That(refused, Has.Count.EqualTo(4), string.Join('\n', logger.Lines));
        Assert.Multiple(() =>
        {
            Assert.That(refused, Has.One.Contains("sub.pem").And.EndsWith("refused: ca_certificate"));
            Assert.That(refused, Has.One.Contains("signer@example.org.pem").And.EndsWith("refused: key_usage_forbids_encryption"));
            Assert.That(refused, Has.One.Contains("weak@example.org.pem").And.EndsWith("refused: weak_key"));
            Assert.That(refused, Has.One.Contains("root.pem").And.EndsWith("refused: no_address_match"));
        });

        // Lookups do not log again; a reload logs each refusal once more.
        directory.Lookup("sub@example.org");
        Assert.That(logger.Lines.Count(l => l.Contains("refused", StringComparison.Ordinal)), Is.EqualTo(4));
        directory.Reload();
        Assert.That(logger.Lines.Count(l => l.Contains("refused", StringComparison.Ordinal)), Is.EqualTo(8));
    }
}
