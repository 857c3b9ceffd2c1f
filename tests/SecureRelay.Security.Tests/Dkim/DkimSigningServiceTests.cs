using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Cryptography;
using SecureRelay.Security.Dkim;
using SecureRelay.Security.Tests.Encryption;

namespace SecureRelay.Security.Tests.Dkim;

public sealed class DkimSigningServiceTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    private static MimeMessage NewMessage(string from = "Clinic <billing@example.com>")
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("pat@example.net"));
        message.Subject = "Your appointment";
        message.MessageId = "abc123@example.com";
        message.Date = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        message.Body = new TextPart("plain") { Text = "See you on Monday.  \r\nTrailing   spaces\r\n\r\n\r\n" };
        return message;
    }

    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeMessage.Load(stream);
    }

    [Test]
    public void Rsa_signature_verifies_with_published_key_after_transport()
    {
        var key = DkimKeyGenerator.Generate("example.com", "sel1", _dir.Path);
        var service = new DkimSigningService(new DkimOptions
        {
            Keys = [new DkimKeyOptions { Domain = "example.com", Selector = "sel1", PrivateKeyPath = key.PrivateKeyPath }],
        });

        var message = NewMessage();
        var outcome = service.Sign(message);
        Assert.That(outcome.Signed, Is.True);
        Assert.That(outcome.Domain, Is.EqualTo("example.com"));

        var received = RoundTrip(message);
        var header = received.Headers[HeaderId.DkimSignature];
        Assert.That(header, Does.Contain("a=rsa-sha256").And.Contain("c=relaxed/relaxed").And.Contain("d=example.com").And.Contain("s=sel1"));
        var signedHeaders = Regex.Match(header.Replace(" ", "", StringComparison.Ordinal), "h=([^;]+)").Groups[1].Value.ToLowerInvariant();
        Assert.That(signedHeaders.Split(':'), Is.SupersetOf(new[] { "from", "to", "subject", "date", "message-id", "mime-version", "content-type" }));

        var locator = new MemoryDkimKeyLocator();
        locator.Add("sel1", "example.com", key.DnsValue);
        var verifier = new DkimVerifier(locator);
        var signature = received.Headers.First(h => h.Id == HeaderId.DkimSignature);
        Assert.That(verifier.Verify(received, signature), Is.True);

        // Changing the body must break it: the test can fail.
        received.Body = new TextPart("plain") { Text = "See you on Tuesday." };
        Assert.That(verifier.Verify(received, signature), Is.False);
    }

    [Test]
    public void Dual_rsa_and_ed25519_signatures_both_verify()
    {
        var rsa = DkimKeyGenerator.Generate("example.com", "rsa1", _dir.Path);
        var ed = DkimKeyGenerator.Generate("example.com", "ed1", _dir.Path, DkimKeyAlgorithm.Ed25519);
        Assert.That(ed.DnsValue, Does.StartWith("v=DKIM1; k=ed25519; p="));
        Assert.That(Convert.FromBase64String(ed.DnsValue["v=DKIM1; k=ed25519; p=".Length..]), Has.Length.EqualTo(32));

        var service = new DkimSigningService(new DkimOptions
        {
            Keys =
            [
                new DkimKeyOptions { Domain = "example.com", Selector = "ed1", PrivateKeyPath = ed.PrivateKeyPath, Algorithm = DkimKeyAlgorithm.Ed25519 },
                new DkimKeyOptions { Domain = "example.com", Selector = "rsa1", PrivateKeyPath = rsa.PrivateKeyPath },
            ],
        });
        var message = NewMessage();
        var outcome = service.Sign(message);
        Assert.That(outcome.Selectors, Is.EqualTo(new[] { "rsa1", "ed1" }));

        var received = RoundTrip(message);
        var locator = new MemoryDkimKeyLocator();
        locator.Add("rsa1", "example.com", rsa.DnsValue);
        locator.Add("ed1", "example.com", ed.DnsValue);
        var verifier = new DkimVerifier(locator);
        var signatures = received.Headers.Where(h => h.Id == HeaderId.DkimSignature).ToList();
        Assert.That(signatures, Has.Count.EqualTo(2));
        Assert.That(signatures.Select(s => verifier.Verify(received, s)), Is.All.True);
        Assert.That(signatures.Any(s => s.Value.Contains("a=ed25519-sha256", StringComparison.Ordinal)), Is.True);
    }

    [Test]
    public void Concurrent_signing_produces_valid_signatures()
    {
        var key = DkimKeyGenerator.Generate("example.com", "sel1", _dir.Path);
        using var service = new DkimSigningService(new DkimOptions
        {
            Keys = [new DkimKeyOptions { Domain = "example.com", Selector = "sel1", PrivateKeyPath = key.PrivateKeyPath }],
        });
        var messages = Enumerable.Range(0, 64).Select(i =>
        {
            var m = NewMessage();
            m.Subject = "Message " + i;
            return m;
        }).ToArray();
        Parallel.ForEach(messages, new ParallelOptions { MaxDegreeOfParallelism = 4 }, m => service.Sign(m));

        var locator = new MemoryDkimKeyLocator();
        locator.Add("sel1", "example.com", key.DnsValue);
        var verifier = new DkimVerifier(locator);
        foreach (var message in messages.Select(RoundTrip))
        {
            Assert.That(verifier.Verify(message, message.Headers.First(h => h.Id == HeaderId.DkimSignature)), Is.True, message.Subject);
        }
    }

    [Test]
    public void Key_is_chosen_by_from_domain_parent_then_default()
    {
        var a = DkimKeyGenerator.Generate("example.com", "a", _dir.Path);
        var b = DkimKeyGenerator.Generate("other.org", "b", _dir.Path);
        var service = new DkimSigningService(new DkimOptions
        {
            Keys =
            [
                new DkimKeyOptions { Domain = "example.com", Selector = "a", PrivateKeyPath = a.PrivateKeyPath },
                new DkimKeyOptions { Domain = "other.org", Selector = "b", PrivateKeyPath = b.PrivateKeyPath },
            ],
        });
        Assert.Multiple(() =>
        {
            Assert.That(service.ResolveSigningDomain("EXAMPLE.com"), Is.EqualTo("example.com"));
            Assert.That(service.ResolveSigningDomain("mail.example.com"), Is.EqualTo("example.com"));
            Assert.That(service.ResolveSigningDomain("unrelated.net"), Is.Null);
            Assert.That(service.Sign(NewMessage("x@unrelated.net")).Signed, Is.False);
        });

        var withDefault = new DkimSigningService(new DkimOptions
        {
            DefaultDomain = "other.org",
            Keys = [new DkimKeyOptions { Domain = "other.org", Selector = "b", PrivateKeyPath = b.PrivateKeyPath }],
        });
        var message = NewMessage("x@unrelated.net");
        Assert.That(withDefault.Sign(message).Domain, Is.EqualTo("other.org"));
        Assert.That(message.Headers[HeaderId.DkimSignature], Does.Contain("d=other.org"));
    }

    [Test]
    public void Only_keys_the_submitter_may_use_sign()
    {
        var clinic = DkimKeyGenerator.Generate("clinic.example", "c", _dir.Path);
        var hospital = DkimKeyGenerator.Generate("hospital.example", "h", _dir.Path);
        var service = new DkimSigningService(new DkimOptions
        {
            DefaultDomain = "hospital.example",
            Keys =
            [
                new DkimKeyOptions { Domain = "clinic.example", Selector = "c", PrivateKeyPath = clinic.PrivateKeyPath },
                new DkimKeyOptions { Domain = "hospital.example", Selector = "h", PrivateKeyPath = hospital.PrivateKeyPath },
            ],
        });
        Func<string, bool> clinicOnly = d => d == "clinic.example";
        Assert.Multiple(() =>
        {
            // A From: naming another tenant, then a parent, then the default: none is the clinic's.
            Assert.That(service.ResolveSigningDomain("hospital.example", clinicOnly), Is.Null);
            Assert.That(service.ResolveSigningDomain("ward.hospital.example", clinicOnly), Is.Null);
            Assert.That(service.ResolveSigningDomain("unrelated.net", clinicOnly), Is.Null);
            Assert.That(service.ResolveSigningDomain("clinic.example", clinicOnly), Is.EqualTo("clinic.example"));
            // Without a restriction (relay networks, the relay's own notices): as before.
            Assert.That(service.ResolveSigningDomain("hospital.example"), Is.EqualTo("hospital.example"));
        });

        var spoofed = NewMessage("ceo@hospital.example");
        Assert.That(service.Sign(spoofed, mayUse: clinicOnly).Signed, Is.False);
        Assert.That(spoofed.Headers.Contains(HeaderId.DkimSignature), Is.False);
        var own = NewMessage("app@clinic.example");
        Assert.That(service.Sign(own, mayUse: clinicOnly).Domain, Is.EqualTo("clinic.example"));
    }

    [Test]
    public void Bad_configuration_is_reported()
    {
        var a = DkimKeyGenerator.Generate("example.com", "a", _dir.Path);
        Assert.Multiple(() =>
        {
            Assert.That(() => new DkimSigningService(new DkimOptions { Keys = [new DkimKeyOptions { Domain = "example.com", Selector = "a", PrivateKeyPath = _dir.File("missing.pem") }] }),
                Throws.InstanceOf<InvalidDataException>());
            Assert.That(() => new DkimSigningService(new DkimOptions { Keys = [new DkimKeyOptions { Domain = "example.com", Selector = "a", PrivateKeyPath = a.PrivateKeyPath, Algorithm = DkimKeyAlgorithm.Ed25519 }] }),
                Throws.InstanceOf<InvalidDataException>().With.Message.Contains("does not match"));
            Assert.That(() => new DkimSigningService(new DkimOptions { Keys = [new DkimKeyOptions { Domain = "not a domain", Selector = "a", PrivateKeyPath = a.PrivateKeyPath }] }),
                Throws.ArgumentException.With.Message.Contains("dkim.keys[0].domain"));
            Assert.That(() => new DkimSigningService(new DkimOptions { DefaultDomain = "nokey.example", Keys = [new DkimKeyOptions { Domain = "example.com", Selector = "a", PrivateKeyPath = a.PrivateKeyPath }] }),
                Throws.ArgumentException.With.Message.Contains("default_domain"));
        });
    }

    [Test]
    public void Keygen_writes_private_key_0600_and_zone_record_and_refuses_overwrite()
    {
        var result = DkimKeyGenerator.Generate("Example.com", "s2026", _dir.Path);
        Assert.Multiple(() =>
        {
            Assert.That(result.DnsName, Is.EqualTo("s2026._domainkey.example.com"));
            Assert.That(result.DnsValue, Does.StartWith("v=DKIM1; k=rsa; p=MII"));
            Assert.That(File.ReadAllText(result.PrivateKeyPath), Does.StartWith("-----BEGIN RSA PRIVATE KEY-----"));
            var zone = File.ReadAllText(result.DnsRecordPath);
            Assert.That(zone, Does.StartWith("s2026._domainkey.example.com.\tIN\tTXT\t( \""));
            Assert.That(string.Concat(Regex.Matches(zone, "\"([^\"]*)\"").Select(m => m.Groups[1].Value)), Is.EqualTo(result.DnsValue));
            Assert.That(Regex.Matches(zone, "\"([^\"]*)\"").Select(m => m.Groups[1].Value.Length), Is.All.LessThanOrEqualTo(255));
        });
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(result.PrivateKeyPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }

        var rsa = (Org.BouncyCastle.Crypto.Parameters.RsaKeyParameters)new DkimPublicKeyLocatorProbe().Parse(result.DnsValue);
        Assert.That(rsa.Modulus.BitLength, Is.EqualTo(2048));
        Assert.That(() => DkimKeyGenerator.Generate("example.com", "s2026", _dir.Path), Throws.InstanceOf<IOException>());
    }

    [Test]
    public void Dkimpy_verifies_our_signature()
    {
        // The Debian interpreter (not a pyenv shim) is the one python3-dkim installs into.
        const string Python = "/usr/bin/python3";
        Tools.Require(Python);
        var probe = Tools.Run(Python, ["-c", "import dkim"]);
        if (probe.ExitCode != 0)
        {
            Assert.Ignore("python3-dkim is not installed");
        }

        var key = DkimKeyGenerator.Generate("example.com", "sel1", _dir.Path);
        var service = new DkimSigningService(new DkimOptions
        {
            Keys = [new DkimKeyOptions { Domain = "example.com", Selector = "sel1", PrivateKeyPath = key.PrivateKeyPath }],
        });
        var message = NewMessage();
        service.Sign(message);
        var path = _dir.File("signed.eml");
        using (var file = File.Create(path))
        {
            message.WriteTo(FormatOptions.Default, file);
        }

        // An independent DKIM implementation (dkimpy) with DNS answered from our TXT record.
        var script = """
            import sys, dkim
            record = sys.argv[2].encode()
            def dns(name, timeout=5):
                return record if name == b"sel1._domainkey.example.com." else None
            ok = dkim.verify(open(sys.argv[1], "rb").read(), dnsfunc=dns)
            print("PASS" if ok else "FAIL")
            sys.exit(0 if ok else 1)
            """;
        var (code, stdout, stderr) = Tools.Run(Python, ["-c", script, path, key.DnsValue]);
        Assert.That(stdout.Trim(), Is.EqualTo("PASS"), stderr);
        Assert.That(code, Is.Zero);

        File.WriteAllText(path, File.ReadAllText(path).Replace("Monday", "Friday", StringComparison.Ordinal));
        Assert.That(Tools.Run(Python, ["-c", script, path, key.DnsValue]).StdOut.Trim(), Is.EqualTo("FAIL"));
    }

    private sealed class DkimPublicKeyLocatorProbe : DkimPublicKeyLocatorBase
    {
        public Org.BouncyCastle.Crypto.AsymmetricKeyParameter Parse(string txt) => GetPublicKey(txt);

        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
