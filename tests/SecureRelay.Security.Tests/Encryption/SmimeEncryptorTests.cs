using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using SecureRelay.Security.Encryption;

namespace SecureRelay.Security.Tests.Encryption;

public sealed class SmimeEncryptorTests
{
    private const string Phi = "Patient Jane Example (MRN 00123) tested positive for hepatitis C.";
    private const string PhiSubject = "Hep C result for Jane Example";

    private TempDirectory _dir = null!;
    private TestPki _pki = null!;
    private string _certsDir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _pki = new TestPki();
        _certsDir = _dir.File("certs");
        Directory.CreateDirectory(_certsDir);
    }

    [TearDown]
    public void TearDown()
    {
        _pki.Dispose();
        _dir.Dispose();
    }

    private static MimeMessage PhiMessage()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("lab@clinic.example.com"));
        message.To.Add(MailboxAddress.Parse("dr.smith@example.org"));
        message.Subject = PhiSubject;
        message.MessageId = "m1@clinic.example.com";
        message.Headers.Add(HeaderId.DkimSignature, "v=1; a=rsa-sha256; d=clinic.example.com; s=x; b=stale");
        message.Body = new TextPart("plain") { Text = Phi };
        return message;
    }

    private (string CertPath, string KeyPath) AddRecipient(string email)
    {
        var now = DateTimeOffset.UtcNow;
        var (cert, key) = _pki.Issue(email, "CN=" + email, now.AddDays(-1), now.AddYears(1));
        var certPath = Path.Combine(_certsDir, email + ".pem");
        var keyPath = _dir.File(email + ".key");
        TestPki.WritePem(certPath, cert);
        TestPki.WriteKey(keyPath, key);
        return (certPath, keyPath);
    }

    private string Write(MimeMessage message, string name)
    {
        var path = _dir.File(name);
        using var file = File.Create(path);
        message.WriteTo(FormatOptions.Default, file);
        return path;
    }

    [Test]
    public void Openssl_cms_decrypts_aes256_envelope_and_recovers_original()
    {
        Tools.Require("openssl");
        var (certPath, keyPath) = AddRecipient("dr.smith@example.org");
        using var directory = new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = _certsDir, ReloadOnChange = false });
        var encryptor = new SmimeEncryptor(directory, new SmimeOptions());

        var encrypted = encryptor.Encrypt(PhiMessage(), ["dr.smith@example.org"]);
        var path = Write(encrypted, "msg.eml");
        var wire = File.ReadAllText(path);

        Assert.Multiple(() =>
        {
            Assert.That(encrypted.Body, Is.InstanceOf<ApplicationPkcs7Mime>());
            Assert.That(((ApplicationPkcs7Mime)encrypted.Body!).SecureMimeType, Is.EqualTo(SecureMimeType.EnvelopedData));
            Assert.That(encrypted.Subject, Is.EqualTo("Secure message"));
            Assert.That(encrypted.MessageId, Is.EqualTo("m1@clinic.example.com"));
            Assert.That(encrypted.From.Mailboxes.Single().Address, Is.EqualTo("lab@clinic.example.com"));
            Assert.That(wire, Does.Not.Contain("hepatitis").And.Not.Contain("Jane"));
            Assert.That(encrypted.Headers.Contains(HeaderId.DkimSignature), Is.False, "a stale DKIM signature must not survive");
        });

        var print = Tools.Run("openssl", ["cms", "-cmsout", "-print", "-inform", "SMIME", "-in", path]);
        Assert.That(print.StdOut, Does.Contain("aes-256-cbc"), print.StdErr);

        var (code, stdout, stderr) = Tools.Run("openssl", ["cms", "-decrypt", "-in", path, "-recip", certPath, "-inkey", keyPath]);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain(Phi));
        Assert.That(stdout, Does.Contain("Subject: " + PhiSubject), "original subject travels inside the envelope");
        Assert.That(stdout, Does.Contain("protected-headers=v1").Or.Contain("protected-headers=\"v1\""));
    }

    [Test]
    public void Subject_is_kept_when_protection_is_off()
    {
        AddRecipient("dr.smith@example.org");
        using var directory = new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = _certsDir, ReloadOnChange = false });
        var encrypted = new SmimeEncryptor(directory, new SmimeOptions { ProtectSubject = false })
            .Encrypt(PhiMessage(), ["dr.smith@example.org"]);
        Assert.That(encrypted.Subject, Is.EqualTo(PhiSubject));
    }

    [Test]
    public void Every_recipient_can_decrypt_a_multi_recipient_envelope()
    {
        Tools.Require("openssl");
        var a = AddRecipient("a@example.org");
        var b = AddRecipient("b@example.net");
        using var directory = new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = _certsDir, ReloadOnChange = false });
        var path = Write(new SmimeEncryptor(directory, new SmimeOptions()).Encrypt(PhiMessage(), ["a@example.org", "b@example.net"]), "multi.eml");

        foreach (var (cert, key) in new[] { a, b })
        {
            var (code, stdout, stderr) = Tools.Run("openssl", ["cms", "-decrypt", "-in", path, "-recip", cert, "-inkey", key]);
            Assert.That(code, Is.Zero, stderr);
            Assert.That(stdout, Does.Contain(Phi));
        }
    }

    [Test]
    public void Recipient_with_only_an_expired_certificate_is_refused()
    {
        var now = DateTimeOffset.UtcNow;
        var (expired, _) = _pki.Issue("old@example.org", "CN=old", now.AddYears(-2), now.AddDays(-1));
        TestPki.WritePem(Path.Combine(_certsDir, "old.pem"), expired);
        AddRecipient("dr.smith@example.org");
        using var directory = new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = _certsDir, ReloadOnChange = false });
        var encryptor = new SmimeEncryptor(directory, new SmimeOptions());

        Assert.That(encryptor.CanEncrypt(["dr.smith@example.org", "old@example.org"]), Is.False);
        var error = Assert.Throws<MessageProtectionException>(() => encryptor.Encrypt(PhiMessage(), ["dr.smith@example.org", "old@example.org"]));
        Assert.That(error!.RecipientsWithoutKey, Is.EqualTo(new[] { "old@example.org" }));
        Assert.That(error.Message, Does.Not.Contain("hepatitis"));
    }

    [Test]
    public void Signed_then_encrypted_message_verifies_with_openssl()
    {
        Tools.Require("openssl");
        var (certPath, keyPath) = AddRecipient("dr.smith@example.org");
        var now = DateTimeOffset.UtcNow;
        var (orgCert, orgKey) = _pki.Issue("lab@clinic.example.com", "CN=Clinic Lab", now.AddDays(-1), now.AddYears(1),
            System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature | System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.NonRepudiation);
        var orgCertPath = _dir.File("org.pem");
        var orgKeyPath = _dir.File("org.key");
        TestPki.WritePem(orgCertPath, orgCert);
        TestPki.WriteKey(orgKeyPath, orgKey);
        var caPath = _dir.File("ca.pem");
        File.WriteAllText(caPath, _pki.CaPem);

        using var directory = new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = _certsDir, ReloadOnChange = false });
        var encryptor = new SmimeEncryptor(directory, new SmimeOptions { SigningCertificate = orgCertPath, SigningKey = orgKeyPath });
        Assert.That(encryptor.Signs, Is.True);
        var path = Write(encryptor.Encrypt(PhiMessage(), ["dr.smith@example.org"]), "signed.eml");

        var decrypted = Tools.Run("openssl", ["cms", "-decrypt", "-in", path, "-recip", certPath, "-inkey", keyPath]);
        Assert.That(decrypted.ExitCode, Is.Zero, decrypted.StdErr);
        Assert.That(decrypted.StdOut, Does.Contain("multipart/signed"));
        var innerPath = _dir.File("inner.eml");
        File.WriteAllText(innerPath, decrypted.StdOut);

        var verified = Tools.Run("openssl", ["cms", "-verify", "-in", innerPath, "-CAfile", caPath]);
        Assert.That(verified.ExitCode, Is.Zero, verified.StdErr);
        Assert.That(verified.StdErr, Does.Contain("Verification successful"));
        Assert.That(verified.StdOut, Does.Contain(Phi));
    }

    [Test]
    public void Pkcs12_signing_identity_with_password_file_signs()
    {
        var (certPath, keyPath) = AddRecipient("dr.smith@example.org");
        var now = DateTimeOffset.UtcNow;
        var (orgCert, orgKey) = _pki.Issue("lab@clinic.example.com", "CN=Clinic Lab", now.AddDays(-1), now.AddYears(1),
            System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.DigitalSignature);
        using var withKey = orgCert.CopyWithPrivateKey(orgKey);
        var p12 = _dir.File("org.p12");
        File.WriteAllBytes(p12, withKey.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "s3cret"));
        var passwordFile = _dir.File("org.pass");
        File.WriteAllText(passwordFile, "s3cret\n");

        using var directory = new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = _certsDir, ReloadOnChange = false });
        var encryptor = new SmimeEncryptor(directory, new SmimeOptions { SigningCertificate = p12, SigningPasswordFile = passwordFile });
        var encrypted = encryptor.Encrypt(PhiMessage(), ["dr.smith@example.org"]);

        using var cert = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(certPath, keyPath);
        using var context = new TemporarySecureMimeContext();
        context.Import(new MemoryStream(cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pw")), "pw");
        var inner = ((ApplicationPkcs7Mime)encrypted.Body!).Decrypt(context);
        var signed = (MultipartSigned)inner;
        var signature = signed.Verify(context).Single();
        Assert.That(signature.SignerCertificate!.Email, Is.EqualTo("lab@clinic.example.com"));
        Assert.That(((TextPart)signed[0]).Text, Is.EqualTo(Phi));

        File.WriteAllText(passwordFile, "wrong");
        Assert.That(() => new SmimeEncryptor(directory, new SmimeOptions { SigningCertificate = p12, SigningPasswordFile = passwordFile }),
            Throws.InstanceOf<InvalidDataException>().Or.InstanceOf<IOException>());
    }

    [Test]
    public void Decrypts_with_mimekit_too()
    {
        var (certPath, keyPath) = AddRecipient("dr.smith@example.org");
        using var directory = new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = _certsDir, ReloadOnChange = false });
        var encrypted = new SmimeEncryptor(directory, new SmimeOptions()).Encrypt(PhiMessage(), ["dr.smith@example.org"]);

        // Build a PKCS#12 for MimeKit's context from the PEM pair with .NET.
        using var cert = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(certPath, keyPath);
        var pfx = cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pw");
        using var context = new TemporarySecureMimeContext();
        context.Import(new MemoryStream(pfx), "pw");
        var inner = ((ApplicationPkcs7Mime)encrypted.Body!).Decrypt(context);
        Assert.That(((TextPart)inner).Text, Is.EqualTo(Phi));
        Assert.That(inner.Headers[HeaderId.Subject], Is.EqualTo(PhiSubject));
        Assert.That(Encoding.UTF8.GetByteCount(Phi), Is.GreaterThan(0));
    }
}
