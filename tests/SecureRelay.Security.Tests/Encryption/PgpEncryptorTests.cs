using MimeKit;
using MimeKit.Cryptography;
using SecureRelay.Security.Encryption;

namespace SecureRelay.Security.Tests.Encryption;

public sealed class PgpEncryptorTests
{
    private const string Phi = "Patient Jane Example (MRN 00123): biopsy shows malignant melanoma.";
    private const string PhiSubject = "Biopsy result for Jane Example";

    private TempDirectory _dir = null!;
    private GnuPgHome _gpg = null!;
    private string _keysDir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _gpg = new GnuPgHome(_dir.File("gnupg"));
        _keysDir = _dir.File("keys");
        Directory.CreateDirectory(_keysDir);
    }

    [TearDown]
    public void TearDown()
    {
        _gpg.Dispose();
        _dir.Dispose();
    }

    internal static MimeMessage PhiMessage(string to = "alice@example.org")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("lab@clinic.example.com"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = PhiSubject;
        message.MessageId = "p1@clinic.example.com";
        message.Body = new TextPart("plain") { Text = Phi };
        return message;
    }

    private PgpOptions Options() => new() { KeysDir = _keysDir, ReloadOnChange = false, Wkd = new WkdOptions { Enabled = false } };

    /// <summary>Writes the armoured ciphertext part of a PGP/MIME message and lets gpg decrypt it.</summary>
    internal static string GpgDecrypt(GnuPgHome gpg, MimeMessage encrypted, string workFile)
    {
        var multipart = (MultipartEncrypted)encrypted.Body!;
        Assert.That(multipart.ContentType.MimeType, Is.EqualTo("multipart/encrypted"));
        Assert.That(multipart.ContentType.Parameters["protocol"], Is.EqualTo("application/pgp-encrypted"));
        Assert.That(((MimePart)multipart[0]).ContentType.MimeType, Is.EqualTo("application/pgp-encrypted"));
        var payload = (MimePart)multipart[1];
        using (var file = File.Create(workFile))
        {
            payload.Content!.DecodeTo(file);
        }

        Assert.That(File.ReadAllText(workFile), Does.StartWith("-----BEGIN PGP MESSAGE-----"));
        var (code, stdout, stderr) = gpg.TryRun("--status-fd", "2", "--decrypt", workFile);
        Assert.That(code, Is.Zero, stderr);
        // DECRYPTION_INFO <mdc> <cipher>: cipher 9 is AES-256 (RFC 4880 §9.2).
        Assert.That(stderr, Does.Match(@"DECRYPTION_INFO \d+ 9\b"), stderr);
        return stdout + "\n----- gpg status -----\n" + stderr;
    }

    [TestCase("default")]
    [TestCase("future-default")]
    public async Task Gpg_decrypts_pgp_mime_and_recovers_original(string algorithm)
    {
        var fpr = _gpg.Generate("Alice <alice@example.org>", algorithm);
        File.WriteAllText(Path.Combine(_keysDir, "alice.asc"), _gpg.ExportArmored(fpr));

        using var directory = new PgpKeyDirectory(Options());
        var encryptor = new PgpEncryptor(directory, null, Options());
        var encrypted = await encryptor.EncryptAsync(PhiMessage(), ["Alice@Example.org"]);

        using (var stream = new MemoryStream())
        {
            encrypted.WriteTo(stream);
            var wire = System.Text.Encoding.UTF8.GetString(stream.ToArray());
            Assert.That(wire, Does.Not.Contain("melanoma").And.Not.Contain("Jane"));
        }

        Assert.That(encrypted.Subject, Is.EqualTo("Secure message"));
        var workFile = _dir.File("payload.asc");
        var plaintext = GpgDecrypt(_gpg, encrypted, workFile);
        Assert.That(plaintext, Does.Contain(Phi));
        Assert.That(plaintext, Does.Contain("Subject: " + PhiSubject));
    }

    [Test]
    public void Expired_revoked_and_sign_only_keys_are_skipped()
    {
        var expired = _gpg.Generate("Old <old@example.org>", "future-default", "1d", fakedTime: "20200101T000000");
        var revoked = _gpg.Generate("Gone <gone@example.org>", "future-default");
        _gpg.Revoke(revoked);
        var signOnly = _gpg.Generate("Signer <signer@example.org>", "ed25519", "never");
        var good = _gpg.Generate("Bob <bob@example.net>", "future-default");
        foreach (var (name, fpr) in new[] { ("old", expired), ("gone", revoked), ("signer", signOnly), ("bob", good) })
        {
            File.WriteAllText(Path.Combine(_keysDir, name + ".asc"), _gpg.ExportArmored(fpr));
        }

        File.WriteAllText(Path.Combine(_keysDir, "broken.asc"), "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot base64!\n-----END PGP PUBLIC KEY BLOCK-----\n");
        _gpg.Run("--quick-gen-key", "Weak <weak@example.org>", "rsa1024", "sign,encr", "never");
        File.WriteAllText(Path.Combine(_keysDir, "weak.asc"), _gpg.ExportArmored("weak@example.org"));

        var logger = new ListLogger<PgpKeyDirectory>();
        using var directory = new PgpKeyDirectory(Options(), logger: logger);
        Assert.Multiple(() =>
        {
            Assert.That(directory.Lookup("old@example.org").Problem?.ToString(), Is.EqualTo("expired"));
            Assert.That(directory.Lookup("gone@example.org").Problem?.ToString(), Is.EqualTo("revoked"));
            Assert.That(directory.Lookup("signer@example.org").Problem?.ToString(), Is.EqualTo("no_encryption_subkey"));
            Assert.That(directory.Lookup("weak@example.org").Problem?.ToString(), Is.EqualTo("weak_key"));
            Assert.That(directory.Lookup("nobody@example.org").Problem?.ToString(), Is.EqualTo("no_address_match"));
            var refused = logger.Lines.Where(l => l.Contains("refused", StringComparison.Ordinal)).ToList();
            Assert.That(refused, Has.Count.EqualTo(4), string.Join('\n', logger.Lines));
            Assert.That(refused, Has.One.Contains("old.asc").And.EndsWith("refused: expired"));
            Assert.That(refused, Has.One.Contains("gone.asc").And.EndsWith("refused: revoked"));
            Assert.That(refused, Has.One.Contains("signer.asc").And.EndsWith("refused: no_encryption_subkey"));
            Assert.That(refused, Has.One.Contains("weak.asc").And.EndsWith("refused: weak_key"));
            Assert.That(directory.Count, Is.EqualTo(5));
            Assert.That(directory.Find("old@example.org"), Is.Null, "expired");
            Assert.That(directory.Find("gone@example.org"), Is.Null, "revoked");
            Assert.That(directory.Find("signer@example.org"), Is.Null, "no encryption subkey");
            var bob = directory.Find("bob@example.net");
            Assert.That(bob, Is.Not.Null);
            Assert.That(bob!.Fingerprint, Is.EqualTo(good));
            Assert.That(bob.EncryptionKey.IsMasterKey, Is.False, "the encryption subkey, not the primary");
        });
    }

    [Test]
    public void Missing_key_is_a_protection_error_naming_the_recipient()
    {
        using var directory = new PgpKeyDirectory(Options());
        var encryptor = new PgpEncryptor(directory, null, Options());
        var error = Assert.ThrowsAsync<MessageProtectionException>(() => encryptor.EncryptAsync(PhiMessage(), ["nobody@example.org"]));
        Assert.That(error!.RecipientsWithoutKey, Is.EqualTo(new[] { "nobody@example.org" }));
    }

    [Test]
    public async Task Signed_and_encrypted_message_decrypts_and_verifies_with_gpg()
    {
        var alice = _gpg.Generate("Alice <alice@example.org>");
        File.WriteAllText(Path.Combine(_keysDir, "alice.asc"), _gpg.ExportArmored(alice));

        // The organisation key lives in its own GnuPG home; only its public half is in Alice's.
        using var orgHome = new GnuPgHome(_dir.File("org-gnupg"));
        var org = orgHome.Generate("Clinic <lab@clinic.example.com>");
        var secretPath = _dir.File("org-secret.asc");
        File.WriteAllText(secretPath, orgHome.Run("--armor", "--export-secret-keys", org));
        var orgPublic = _dir.File("org-public.asc");
        File.WriteAllText(orgPublic, orgHome.ExportArmored(org));
        _gpg.Run("--import", orgPublic);

        var options = Options();
        options.SigningKey = secretPath;
        using var directory = new PgpKeyDirectory(options);
        var encryptor = new PgpEncryptor(directory, null, options);
        Assert.That(encryptor.Signs, Is.True);
        var encrypted = await encryptor.EncryptAsync(PhiMessage(), ["alice@example.org"]);

        var workFile = _dir.File("signed.asc");
        var output = GpgDecrypt(_gpg, encrypted, workFile);
        Assert.That(output, Does.Contain(Phi));
        Assert.That(output, Does.Contain("GOODSIG").And.Contain("Clinic <lab@clinic.example.com>"));
    }
}
