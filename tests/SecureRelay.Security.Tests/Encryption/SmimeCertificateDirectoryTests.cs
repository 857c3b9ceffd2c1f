using System.Security.Cryptography.X509Certificates;
using SecureRelay.Security.Encryption;

namespace SecureRelay.Security.Tests.Encryption;

public sealed class SmimeCertificateDirectoryTests
{
    private TempDirectory _dir = null!;
    private TestPki _pki = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _pki = new TestPki();
    }

    [TearDown]
    public void TearDown()
    {
        _pki.Dispose();
        _dir.Dispose();
    }

    private SmimeOptions Options() => new() { CertificatesDir = _dir.Path, ReloadOnChange = false };

    [Test]
    public void Indexes_san_and_subject_email_from_pem_and_der()
    {
        var now = DateTimeOffset.UtcNow;
        var (san, _) = _pki.Issue("Alice@Example.org", "CN=Alice", now.AddDays(-1), now.AddYears(1));
        var (subjectOnly, _) = _pki.Issue(null, "CN=Bob, E=bob@example.net", now.AddDays(-1), now.AddYears(1));
        TestPki.WritePem(_dir.File("alice.pem"), san);
        File.WriteAllBytes(_dir.File("bob.der"), subjectOnly.RawData);
        File.WriteAllText(_dir.File("garbage.pem"), "not a certificate");

        using var directory = new SmimeCertificateDirectory(Options());
        Assert.Multiple(() =>
        {
            Assert.That(directory.Count, Is.EqualTo(2));
            Assert.That(directory.FindBest("alice@example.org")?.Thumbprint, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(san.RawData))));
            Assert.That(directory.FindBest("ALICE@example.ORG"), Is.Not.Null);
            Assert.That(directory.FindBest("bob@example.net"), Is.Not.Null);
            Assert.That(directory.FindBest("carol@example.net"), Is.Null);
        });
    }

    [Test]
    public void Expired_not_yet_valid_ca_and_wrong_usage_certificates_are_not_used()
    {
        var now = DateTimeOffset.UtcNow;
        var (expired, _) = _pki.Issue("old@example.org", "CN=old", now.AddYears(-2), now.AddDays(-1));
        var (future, _) = _pki.Issue("future@example.org", "CN=future", now.AddDays(5), now.AddYears(1));
        var (signOnly, _) = _pki.Issue("sign@example.org", "CN=sign", now.AddDays(-1), now.AddYears(1), X509KeyUsageFlags.DigitalSignature);
        var (ca, _) = _pki.Issue("ca@example.org", "CN=ca", now.AddDays(-1), now.AddYears(1), X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyCertSign, isCa: true);
        foreach (var (name, cert) in new[] { ("expired", expired), ("future", future), ("sign", signOnly), ("ca", ca) })
        {
            TestPki.WritePem(_dir.File(name + ".pem"), cert);
        }

        using var directory = new SmimeCertificateDirectory(Options());
        Assert.Multiple(() =>
        {
            Assert.That(directory.Count, Is.EqualTo(4));
            Assert.That(directory.FindBest("old@example.org"), Is.Null);
            Assert.That(directory.FindAll("old@example.org").Single().Evaluate(now), Is.EqualTo(SmimeCertificateStatus.Expired));
            Assert.That(directory.FindAll("future@example.org").Single().Evaluate(now), Is.EqualTo(SmimeCertificateStatus.NotYetValid));
            Assert.That(directory.FindAll("sign@example.org").Single().Evaluate(now), Is.EqualTo(SmimeCertificateStatus.KeyUsageNotAllowed));
            Assert.That(directory.FindAll("ca@example.org").Single().Evaluate(now), Is.EqualTo(SmimeCertificateStatus.CertificateAuthority));
            Assert.That(directory.CanEncryptTo("future@example.org"), Is.False);
        });
    }

    [Test]
    public void Best_is_the_valid_certificate_expiring_last()
    {
        var now = DateTimeOffset.UtcNow;
        var (expired, _) = _pki.Issue("pat@example.org", "CN=a", now.AddYears(-3), now.AddDays(-1));
        var (soon, _) = _pki.Issue("pat@example.org", "CN=b", now.AddDays(-30), now.AddDays(30));
        var (later, _) = _pki.Issue("pat@example.org", "CN=c", now.AddDays(-1), now.AddYears(2));
        TestPki.WritePem(_dir.File("a.pem"), expired);
        TestPki.WritePem(_dir.File("b.pem"), soon);
        TestPki.WritePem(_dir.File("c.crt"), later);

        using var directory = new SmimeCertificateDirectory(Options());
        Assert.That(directory.FindAll("pat@example.org"), Has.Count.EqualTo(3));
        Assert.That(directory.FindBest("pat@example.org")!.Certificate.SubjectDN.ToString(), Is.EqualTo("CN=c"));
    }

    [Test]
    public void Reloads_on_demand_and_on_file_change()
    {
        var now = DateTimeOffset.UtcNow;
        using var manual = new SmimeCertificateDirectory(Options());
        using var watching = new SmimeCertificateDirectory(new SmimeOptions { CertificatesDir = _dir.Path, ReloadOnChange = true });
        Assert.That(manual.FindBest("new@example.org"), Is.Null);

        var (cert, _) = _pki.Issue("new@example.org", "CN=new", now.AddDays(-1), now.AddYears(1));
        TestPki.WritePem(_dir.File("new.pem"), cert);

        Assert.That(manual.FindBest("new@example.org"), Is.Null, "no watcher: unchanged until Reload");
        manual.Reload();
        Assert.That(manual.FindBest("new@example.org"), Is.Not.Null);

        // The watcher marks the directory dirty; the next lookup reloads (bounded wait for inotify).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (watching.FindBest("new@example.org") is null && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.That(watching.FindBest("new@example.org"), Is.Not.Null);
        File.Delete(_dir.File("new.pem"));
        deadline = DateTime.UtcNow.AddSeconds(10);
        while (watching.FindBest("new@example.org") is not null && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        Assert.That(watching.FindBest("new@example.org"), Is.Null);
    }
}
