using System.Text;
using MimeKit;
using SecureRelay.Cli;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Cli;

/// <summary><c>securerelay sendmail</c> run as a process, as cron and PHP run it, submitting to a real
/// relay that delivers to Postfix's smtp-sink.</summary>
[TestFixture]
[NonParallelizable]
public sealed class SendmailCommandTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private SmtpSink _sink = null!;
    private RelayProcess _relay = null!;

    [OneTimeSetUp]
    public async Task StartRelay()
    {
        _sink = await SmtpSink.StartAsync();
        _relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", _sink.Port)], extra: "limits:\n  max_message_size: 100000\n"));
    }

    [OneTimeTearDown]
    public async Task StopRelay()
    {
        await _relay.DisposeAsync();
        _sink.Dispose();
    }

    [Test]
    public async Task LfMessageArrivesWithMissingHeadersAddedAndALoneDotEndingIt()
    {
        var token = Token();
        var input = $"Subject: cron {token}\nTo: ops@dest.test\n\nfirst line\n.\nnot part of the message {token}\n";

        var (code, output) = await Sendmail(input, "-FCronDaemon", "-B8BITMIME", "-oem", "-odi", "ops@dest.test");

        Assert.That(code, Is.EqualTo(SysExits.Ok), output);
        var arrived = await Arrived(token);
        Assert.That(arrived.RcptArgs, Is.EqualTo(new[] { "<ops@dest.test>" }));
        using var message = Parse(arrived);
        Assert.That(message.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'), Is.EqualTo("first line"), "without -i the lone dot ends the input");
        Assert.That(message.From.Mailboxes.Single().Name, Is.EqualTo("CronDaemon"));
        Assert.That(message.From.Mailboxes.Single().Address, Does.EndWith("@relay.test"), "login name at the configured host name");
        Assert.That(arrived.MailArgs, Does.StartWith($"<{message.From.Mailboxes.Single().Address}>"));
        Assert.That(message.Headers.Contains(HeaderId.Date), Is.True);
        Assert.That(message.MessageId, Does.EndWith("@relay.test"));
    }

    [Test]
    public async Task DashIKeepsLoneDotsAndABareLocalPartGetsTheHostName()
    {
        var token = Token();
        var (code, output) = await Sendmail($"Subject: dots {token}\n\nbefore\n.\nafter\n", "-oi", "root");

        Assert.That(code, Is.EqualTo(SysExits.Ok), output);
        var arrived = await Arrived(token);
        Assert.That(arrived.RcptArgs, Is.EqualTo(new[] { "<root@relay.test>" }));
        using var message = Parse(arrived);
        Assert.That(message.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'), Is.EqualTo("before\n.\nafter"));
    }

    [Test]
    public async Task DashTTakesRecipientsFromHeadersAndNoBccTravels()
    {
        var token = Token();
        var input = $"From: Billing <billing@clinic.test>\nTo: a@dest.test, \"B\" <b@dest.test>\nCc: c@dest.test\nBcc: secret@dest.test\nSubject: t {token}\n\nbody\n";

        var (code, output) = await Sendmail(input, "-t", "-i", "extra@dest.test");

        Assert.That(code, Is.EqualTo(SysExits.Ok), output);
        var arrived = await Arrived(token);
        Assert.That(arrived.RcptArgs, Is.EquivalentTo(new[] { "<extra@dest.test>", "<a@dest.test>", "<b@dest.test>", "<c@dest.test>", "<secret@dest.test>" }));
        Assert.That(arrived.Content, Does.Not.Contain("secret@dest.test"), "Bcc is removed from the message");
        Assert.That(arrived.Content, Does.Not.Match("(?im)^Bcc:"));
        using var message = Parse(arrived);
        Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("billing@clinic.test"), "a From header is kept as written");
    }

    [Test]
    public async Task DashFSetsTheEnvelopeSenderInBothSpellings()
    {
        var attached = Token();
        var (code1, out1) = await Sendmail($"Subject: {attached}\n\nx\n", "-fbounces@clinic.test", "a@dest.test");
        var separate = Token();
        var (code2, out2) = await Sendmail($"Subject: {separate}\n\nx\n", "-f", "<other@clinic.test>", "a@dest.test");

        Assert.That(code1, Is.EqualTo(SysExits.Ok), out1);
        Assert.That(code2, Is.EqualTo(SysExits.Ok), out2);
        Assert.That((await Arrived(attached)).MailArgs, Does.StartWith("<bounces@clinic.test>"));
        var second = await Arrived(separate);
        Assert.That(second.MailArgs, Does.StartWith("<other@clinic.test>"));
        using var message = Parse(second);
        Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("other@clinic.test"), "the added From is the envelope sender");
    }

    [Test]
    public async Task ThroughALinkNamedSendmail()
    {
        using var temp = new TempDirectory("sr-link-");
        var dir = temp.Path;
        var link = Path.Combine(dir, SendmailCommand.LinkName);
        File.CreateSymbolicLink(link, RelayProcess.AppHost());
        var token = Token();

        var (code, output) = await Tools.RunAsync(link, ["-C", _relay.ConfigFile, "-t"], Wait,
            Encoding.UTF8.GetBytes($"To: linked@dest.test\nSubject: {token}\n\nvia the link\n"));

        Assert.That(code, Is.EqualTo(SysExits.Ok), output);
        Assert.That((await Arrived(token)).RcptArgs, Is.EqualTo(new[] { "<linked@dest.test>" }));
    }

    [TestCase("-f", "RCPT", SysExits.NoUser)]
    [TestCase("-r", "RCPT", SysExits.TempFail)]
    [TestCase("-f", "MAIL", SysExits.Unavailable)]
    [TestCase("-r", "DATA", SysExits.TempFail)]
    public async Task SmtpRefusalsMapToSysexits(string sinkFlag, string command, int expected)
    {
        // smtp-sink's fault flags: -f answers the command with a 5xx, -r with a 4xx.
        using var refusing = await SmtpSink.StartAsync(sinkFlag, command);

        var (code, output) = await Sendmail("Subject: refused\n\nx\n", "--server", $"127.0.0.1:{refusing.Port}", "someone@dest.test");

        Assert.That(code, Is.EqualTo(expected), output);
        Assert.That(output, Does.Contain("Error: command failed"), "the relay's reply is shown");
        Assert.That(refusing.CountMessages(), Is.Zero);
    }

    [Test]
    public async Task RecipientRefusedByTheRelayExitsNoUser()
    {
        // A listener whose relay_networks do not hold this host: every RCPT gets 554 5.7.1.
        await using var closed = await RelayProcess.StartAsync(TestConfig.Relay([("*", _sink.Port)], relayNetworks: "[10.255.255.0/24]"));

        var (code, output) = await SendmailWith(closed.ConfigFile, "Subject: denied\n\nx\n", "someone@dest.test");

        Assert.That(code, Is.EqualTo(SysExits.NoUser), output);
        Assert.That(output, Does.Contain("554 5.7.1"));
    }

    [Test]
    public async Task DownRelayIsATemporaryFailure()
    {
        // A configuration whose first listener nobody serves.
        using var temp = new TempDirectory("sr-down-");
        var dir = temp.Path;
        var config = Path.Combine(dir, "securerelay.yaml");
        await File.WriteAllTextAsync(config, TestConfig.Relay([("*", _sink.Port)])(TestPorts.Free(), TestPorts.Free()));

        var (code, output) = await SendmailWith(config, "Subject: down\n\nx\n", "a@dest.test");

        Assert.That(code, Is.EqualTo(SysExits.TempFail), output);
        Assert.That(output, Does.Contain("cannot connect to the relay"));
    }

    [Test]
    public async Task UsageDataAndConfigurationErrors()
    {
        var (noRecipient, out1) = await Sendmail("Subject: x\n\nx\n");
        Assert.That(noRecipient, Is.EqualTo(SysExits.Usage), out1);

        var (noneInHeaders, out2) = await Sendmail("Subject: x\n\nx\n", "-t");
        Assert.That(noneInHeaders, Is.EqualTo(SysExits.DataError), out2);

        var (tooLarge, out3) = await Sendmail("Subject: big\n\n" + new string('x', 150_000) + "\n", "a@dest.test");
        Assert.That(tooLarge, Is.EqualTo(SysExits.DataError), out3);
        Assert.That(out3, Does.Contain("max_message_size (100000 bytes)"));

        var (badConfig, out4) = await SendmailWith("/nonexistent/securerelay.yaml", "Subject: x\n\nx\n", "a@dest.test");
        Assert.That(badConfig, Is.EqualTo(SysExits.Config), out4);
        Assert.That(_sink.Transactions().Select(t => t.Content), Has.None.Contain("Subject: big"));
    }

    private Task<(int ExitCode, string Output)> Sendmail(string input, params string[] args) => SendmailWith(_relay.ConfigFile, input, args);

    private static Task<(int ExitCode, string Output)> SendmailWith(string config, string input, params string[] args) =>
        RelayProcess.RunVerbAsync(Wait, Encoding.UTF8.GetBytes(input), ["sendmail", "-C", config, .. args]);

    private async Task<SinkTransaction> Arrived(string token)
    {
        var arrived = await _sink.WaitForTransactionAsync(token, Wait);
        Assert.That(arrived, Is.Not.Null, $"{token} did not reach the sink.\n{_relay.Log}");
        return arrived!;
    }

    private static MimeMessage Parse(SinkTransaction t) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(t.Content)));

    private static string Token() => "sm-" + Guid.NewGuid().ToString("N")[..10];
}
