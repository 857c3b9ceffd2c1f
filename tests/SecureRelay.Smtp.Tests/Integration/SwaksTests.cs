using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Integration;

/// <summary>swaks (a Perl SMTP client with its own line handling) against a real Kestrel listener.</summary>
[TestFixture]
public sealed class SwaksTests
{
    // swaks sends the data file with CRLF line endings, dot-stuffs it and appends CRLF "." CRLF; we must
    // hand the sink the original lines, CRLF-terminated.
    private const string DataFile =
        "From: app@clinic.example\nTo: patient@dest.example\nSubject: swaks test\nMessage-ID: <swaks-1@clinic.example>\n\n" +
        "first line\n.starts with a dot\n..two dots\n.\nlast line";

    private static readonly string Expected = DataFile.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n";

    private static string _swaks = null!;

    [SetUp]
    public void RequireSwaks() => _swaks = Tools.Require("swaks");

    private static async Task<(int ExitCode, string Output)> RunSwaksAsync(params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"swaks-data-{Guid.NewGuid():N}.eml");
        await File.WriteAllTextAsync(path, DataFile);
        try
        {
            return await Tools.RunAsync(_swaks, args.Concat(["--data", "@" + path, "--helo", "swaks.client.example", "--timeout", "20"]), TimeSpan.FromSeconds(30));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task PlainPipelinedSend()
    {
        var harness = new SmtpHarness(listener: l => l.RelayNetworks = [System.Net.IPNetwork.Parse("127.0.0.0/8")]);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        var (exit, output) = await RunSwaksAsync("--server", $"127.0.0.1:{server.Port}", "--from", "app@clinic.example", "--to", "patient@dest.example,second@dest.example", "--pipeline");
        Assert.That(exit, Is.Zero, output);
        var message = harness.Acceptor.Single();
        Assert.That(message.BodyText, Is.EqualTo(Expected));
        Assert.That(message.Transaction.Recipients.Select(r => r.Address), Is.EqualTo(new[] { "patient@dest.example", "second@dest.example" }));
        Assert.That(message.Session.HeloName, Is.EqualTo("swaks.client.example"));
    }

    [Test]
    public async Task StartTlsWithAuthPlain()
    {
        var harness = SmtpHarness.WithTls(SmtpAuthMode.Required);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        var (exit, output) = await RunSwaksAsync(
            "--server", $"127.0.0.1:{server.Port}", "--from", "app@clinic.example", "--to", "patient@dest.example",
            "--tls", "--auth", "PLAIN", "--auth-user", TestAuthenticator.User, "--auth-password", TestAuthenticator.Password);
        Assert.That(exit, Is.Zero, output);
        var message = harness.Acceptor.Single();
        Assert.That(message.BodyText, Is.EqualTo(Expected));
        Assert.That(message.Session.AuthenticatedUser, Is.EqualTo(TestAuthenticator.User));
        Assert.That(message.ReceivedHeader, Does.Contain("with ESMTPSA"));
        Assert.That(output, Does.Contain("235 2.7.0 Authentication successful"));
    }

    [Test]
    public async Task ImplicitTlsWithAuthLogin()
    {
        var harness = SmtpHarness.WithTls(SmtpAuthMode.Required, SmtpTlsMode.Implicit);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        var (exit, output) = await RunSwaksAsync(
            "--server", $"127.0.0.1:{server.Port}", "--from", "app@clinic.example", "--to", "patient@dest.example",
            "--tls-on-connect", "--auth", "LOGIN", "--auth-user", TestAuthenticator.User, "--auth-password", TestAuthenticator.Password);
        Assert.That(exit, Is.Zero, output);
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo(Expected));
    }

    [Test]
    public async Task MailWithoutTlsOnAnAuthRequiredListenerGets530()
    {
        // swaks itself will not send AUTH that is not advertised (we only advertise it inside TLS);
        // the raw AUTH-before-STARTTLS reply is covered by AuthTests/StartTlsTests.
        var harness = SmtpHarness.WithTls(SmtpAuthMode.Required);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        var (exit, output) = await RunSwaksAsync("--server", $"127.0.0.1:{server.Port}", "--from", "app@clinic.example", "--to", "patient@dest.example");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(output, Does.Contain("<** 530 5.7.0 Must issue a STARTTLS command first"), output);
        Assert.That(harness.Acceptor.Calls, Is.Empty);
    }

    [Test]
    public async Task OpenRelayAttemptIsRefused()
    {
        var harness = new SmtpHarness(listener: l => l.RelayNetworks = []);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        var (exit, output) = await RunSwaksAsync("--server", $"127.0.0.1:{server.Port}", "--from", "spam@attacker.example", "--to", "victim@dest.example");
        Assert.That(exit, Is.Not.Zero);
        Assert.That(output, Does.Contain("554 5.7.1 <victim@dest.example>: Relay access denied"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
    }
}
