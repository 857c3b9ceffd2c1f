using System.Security.Cryptography.X509Certificates;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Integration;

/// <summary>The server's TLS suites, seen by OpenSSL's own client against a real Kestrel listener: AEAD
/// suites only (NIST SP 800-52r2), the CBC suites the system's OpenSSL would otherwise accept refused.</summary>
[TestFixture]
public sealed class CipherSuiteTests
{
    private static string _openSsl = null!;

    [SetUp]
    public void RequireOpenSsl()
    {
        _openSsl = Tools.Require("openssl");

        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("the cipher suite policy is set on Linux only");
        }
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("rsa", "ECDHE-RSA-AES128-SHA256", false);
        yield return new TestCaseData("rsa", "ECDHE-RSA-AES256-SHA384", false);
        yield return new TestCaseData("rsa", "ECDHE-RSA-AES128-SHA", false);
        yield return new TestCaseData("rsa", "ECDHE-RSA-AES128-GCM-SHA256", true);
        yield return new TestCaseData("rsa", "ECDHE-RSA-CHACHA20-POLY1305", false); // AEAD, but not approved by SP 800-52r2
        yield return new TestCaseData("ecdsa", "ECDHE-ECDSA-AES128-SHA256", false);
        yield return new TestCaseData("ecdsa", "ECDHE-ECDSA-AES256-SHA384", false);
        yield return new TestCaseData("ecdsa", "ECDHE-ECDSA-AES256-GCM-SHA384", true);
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Tls12SuitesAreAeadOnly(string key, string suite, bool accepted)
    {
        var (exitCode, output) = await HandshakeAsync(key == "rsa" ? TestCertificates.ServerRsa : TestCertificates.Server, "-tls1_2", "-cipher", suite);
        if (accepted)
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("Ciphersuite: " + suite), output);
        }
        else
        {
            Assert.That(exitCode, Is.Not.Zero, $"{suite} must be refused:\n{output}");
            Assert.That(output, Does.Not.Contain("Ciphersuite: "));
        }
    }

    [Test]
    public async Task Tls13StillWorks()
    {
        var (exitCode, output) = await HandshakeAsync(TestCertificates.Server, "-tls1_3");
        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("Protocol version: TLSv1.3"));
    }

    private static async Task<(int ExitCode, string Output)> HandshakeAsync(X509Certificate2 certificate, params string[] args)
    {
        var harness = SmtpHarness.WithTls(SmtpAuthMode.None, certificate: certificate);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        // Handshake, then end of input: s_client closes the connection.
        return await Tools.RunAsync(_openSsl, ["s_client", "-connect", $"127.0.0.1:{server.Port}", "-starttls", "smtp", "-brief", .. args], TimeSpan.FromSeconds(30));
    }
}
