using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>The <c>limits:</c> section of the configuration reaches the SMTP server of a running relay.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ConfiguredLimitsTests
{
    [Test]
    public async Task ConfiguredSizeRecipientAndLineLimitsAreEnforced()
    {
        using var sink = await SmtpSink.StartAsync();
        const string Limits = "limits:\n  max_message_size: 4000\n  max_recipients: 2\n  max_line_length: 1200\n";
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none", extra: Limits));

        var ehlo = await RawSmtp.ConverseAsync(relay.SmtpPort, "EHLO client.test", "QUIT");
        Assert.That(ehlo, Does.Contain("250-SIZE 4000"), "the configured size is advertised");

        var tooBig = await RawSmtp.ConverseAsync(relay.SmtpPort, "EHLO client.test", "MAIL FROM:<a@clinic.test> SIZE=5000", "QUIT");
        Assert.That(tooBig, Does.Contain("552 5.3.4"), "a declared size over the limit is refused");

        var rcpts = await RawSmtp.ConverseAsync(relay.SmtpPort, "EHLO client.test", "MAIL FROM:<a@clinic.test>",
            "RCPT TO:<r1@b.test>", "RCPT TO:<r2@b.test>", "RCPT TO:<r3@b.test>", "QUIT");
        Assert.That(rcpts, Does.Contain("452 4.5.3"), "the third recipient is past the configured two");

        var longLine = await RawSmtp.ConverseAsync(relay.SmtpPort, "EHLO client.test " + new string('x', 1300), "QUIT");
        Assert.That(longLine, Does.Contain("500 5.5.2"), "a command line over the configured length is refused");
    }
}
