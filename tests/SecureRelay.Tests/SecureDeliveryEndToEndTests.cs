using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>
/// Issue 3's promises checked from the outside: a PHI message sent with swaks through the real relay
/// arrives as S/MIME that <c>openssl cms -decrypt</c> opens; to an MX without STARTTLS it never arrives
/// in plaintext (escrow notice only); over a self-signed certificate it is not "tls-verified", and
/// with that certificate as a trust anchor it is.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SecureDeliveryEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string PhiBody = "Patient: Jane Roe, DOB 04/12/1961, MRN 00482913, dx E11.9";

    [Test]
    public async Task PhiToARecipientWithACertificateArrivesAsSmimeThatOpensslDecrypts()
    {
        var openssl = Tools.Require("openssl");
        using var sink = await SmtpSink.StartAsync();
        var keyDir = Directory.CreateTempSubdirectory("sr-smime-").FullName;
        var (genCode, genOut) = await Tools.RunAsync(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=Dr Who",
            "-keyout", Path.Combine(keyDir, "key.pem"), "-out", Path.Combine(keyDir, "cert.pem"),
            "-addext", "subjectAltName=email:doc@hospital.test", "-addext", "keyUsage=critical,keyEncipherment,digitalSignature",
            "-addext", "extendedKeyUsage=emailProtection", "-addext", "basicConstraints=critical,CA:FALSE"], Wait);
        Assert.That(genCode, Is.Zero, genOut);

        await using var relay = await RelayProcess.StartAsync(
            TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none", extra: "smime:\n  certificates_dir: ./certs\n"),
            dir =>
            {
                Directory.CreateDirectory(Path.Combine(dir, "certs"));
                File.Copy(Path.Combine(keyDir, "cert.pem"), Path.Combine(dir, "certs", "doc.pem"));
            });

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "doc@hospital.test", Wait, "--header", "Subject: follow-up for Jane", "--body", PhiBody);
        Assert.That(code, Is.Zero, output);
        Assert.That(await sink.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);

        var dump = sink.ReadDump();
        Assert.That(dump, Does.Not.Contain("00482913"), "PHI never travels in the clear");
        Assert.That(dump, Does.Contain("application/pkcs7-mime").IgnoreCase);
        var encrypted = Path.Combine(keyDir, "received.eml");
        await File.WriteAllTextAsync(encrypted, dump);
        var (decCode, decrypted) = await Tools.RunAsync(openssl, ["cms", "-decrypt", "-in", encrypted,
            "-recip", Path.Combine(keyDir, "cert.pem"), "-inkey", Path.Combine(keyDir, "key.pem")], Wait);
        Assert.That(decCode, Is.Zero, decrypted);
        Assert.That(decrypted, Does.Contain(PhiBody));
        Directory.Delete(keyDir, recursive: true);
    }

    [Test]
    public async Task PhiToARecipientWithAPgpKeyArrivesAsPgpMimeThatGpgDecrypts()
    {
        var gpg = Tools.Require("gpg");
        using var sink = await SmtpSink.StartAsync();
        var home = Directory.CreateTempSubdirectory("sr-gpg-").FullName;
        File.SetUnixFileMode(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var gpgArgs = new[] { "--homedir", home, "--batch", "--pinentry-mode", "loopback", "--passphrase", "" };
        var (genCode, genOut) = await Tools.RunAsync(gpg, [.. gpgArgs, "--quick-gen-key", "Doc <doc@hospital.test>", "default", "default", "1y"], Wait);
        Assert.That(genCode, Is.Zero, genOut);
        var (expCode, armored) = await Tools.RunAsync(gpg, [.. gpgArgs, "--armor", "--export", "doc@hospital.test"], Wait);
        Assert.That(expCode, Is.Zero, armored);
        var publicKey = armored[armored.IndexOf("-----BEGIN PGP PUBLIC KEY BLOCK-----", StringComparison.Ordinal)..];

        await using var relay = await RelayProcess.StartAsync(
            TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none", extra: "pgp:\n  keys_dir: ./pgp\n  wkd:\n    enabled: false\n"),
            dir =>
            {
                Directory.CreateDirectory(Path.Combine(dir, "pgp"));
                File.WriteAllText(Path.Combine(dir, "pgp", "doc.asc"), publicKey);
            });

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "doc@hospital.test", Wait, "--header", "Subject: follow-up for Jane", "--body", PhiBody);
        Assert.That(code, Is.Zero, output);
        Assert.That(await sink.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);

        var dump = sink.ReadDump();
        Assert.That(dump, Does.Not.Contain("00482913"), "PHI never travels in the clear");
        Assert.That(dump, Does.Contain("multipart/encrypted").And.Contain("application/pgp-encrypted").IgnoreCase);
        // RFC 3156: the second part of multipart/encrypted holds the OpenPGP message.
        var received = MimeKit.MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dump)));
        var pgpPart = received.Body is MimeKit.Multipart { Count: 2 } encryptedBody && encryptedBody[1] is MimeKit.MimePart part
            ? part
            : throw new AssertionException("not a two-part multipart/encrypted body");
        var encrypted = Path.Combine(home, "received.asc");
        await using (var file = File.Create(encrypted))
        {
            await pgpPart.Content!.DecodeToAsync(file);
        }

        var (decCode, decrypted) = await Tools.RunAsync(gpg, [.. gpgArgs, "--decrypt", encrypted], Wait);
        Assert.That(decCode, Is.Zero, decrypted);
        Assert.That(decrypted, Does.Contain(PhiBody));
        await Tools.RunAsync("gpgconf", ["--homedir", home, "--kill", "all"], Wait);
        Directory.Delete(home, recursive: true);
    }

    [Test]
    public async Task PhiToAnMxWithoutStartTlsGoesToEscrowAndOnlyTheNoticeArrives()
    {
        using var sink = await SmtpSink.StartAsync(); // smtp-sink offers no STARTTLS
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none"));

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "pat@home.test", Wait, "--header", "Subject: your lab results Jane Roe", "--body", PhiBody);
        Assert.That(code, Is.Zero, output);
        Assert.That(await sink.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);
        await Task.Delay(1000);
        Assert.That(sink.CountMessages(), Is.EqualTo(1), "only the notice");
        var notice = sink.ReadDump();
        Assert.That(notice, Does.Contain("X-Rcpt-Args: <pat@home.test>"));
        Assert.That(notice, Does.Not.Contain("00482913").And.Not.Contain("Jane Roe").And.Not.Contain("lab results"), "the notice holds no PHI");

        var (listCode, list) = await RelayProcess.RunVerbAsync(Wait, "escrow", "list", "--config", relay.ConfigFile);
        Assert.That(listCode, Is.Zero, list);
        Assert.That(list, Does.Contain("to=pat@home.test").And.Contain("pending").And.Contain("-- 1 record(s)"));
    }

    [TestCase(false, TestName = "SelfSignedMxIsNotTlsVerified_PhiGoesToEscrow")]
    [TestCase(true, TestName = "MxCertificateTrustedByAnchorIsTlsVerified")]
    public async Task TlsVerifiedNeedsACertificateThatValidates(bool trustIt)
    {
        using var sink = await SmtpSink.StartAsync();
        // Relay B is the recipient's MX: STARTTLS with its generated self-signed certificate
        // (SAN: localhost, 127.0.0.1), accepting mail for anyone from loopback.
        await using var mx = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "starttls", auth: "none"));
        var mxCert = Path.Combine(mx.Directory, "data", "tls", "selfsigned.crt");
        Assert.That(File.Exists(mxCert), Is.True);

        var tls = trustIt ? $"tls:\n  trust_anchors: {mxCert}\n" : "";
        await using var relay = await RelayProcess.StartAsync(
            TestConfig.Relay([], tls: "none", auth: "none", extra: tls, routesYaml: $"  - domains: [\"*\"]\n    next_hop: \"localhost:{mx.SmtpPort}\"\n"));

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "doc@partner.test", Wait, "--header", "Subject: referral", "--body", PhiBody);
        Assert.That(code, Is.Zero, output);

        var audit = Path.Combine(relay.Directory, "data", "audit", "audit.jsonl");
        var deadline = DateTime.UtcNow + Wait;
        while ((!File.Exists(audit) || !SharedFile.ReadAllText(audit).Contains("doc@partner.test", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var line = SharedFile.ReadAllText(audit).Split('\n').First(l => l.Contains("doc@partner.test", StringComparison.Ordinal));
        if (trustIt)
        {
            Assert.That(line, Does.Contain("tls-verified").And.Contain("pkix").IgnoreCase, line);
            Assert.That(line, Does.Contain("TLS1").IgnoreCase.Or.Contain("Tls1").IgnoreCase, "the receipt names the TLS version");
        }
        else
        {
            Assert.That(line, Does.Contain("escrow").IgnoreCase, line);
            Assert.That(line, Does.Not.Contain("\"method\":\"tls-verified\""), line);
        }
    }
}
