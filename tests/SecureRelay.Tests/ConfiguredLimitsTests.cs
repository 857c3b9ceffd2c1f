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

    [Test]
    public async Task ConfiguredConnectionCapRefusesWith421()
    {
        using var sink = await SmtpSink.StartAsync();
        const string Limits = "limits:\n  max_connections: 2\n  stress_command_timeout: 30s\n  max_auth_failures_per_user: 3\n";
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none", extra: Limits));

        // The readiness probe's own connection may still be counted for a moment: retry until two are held.
        var held = new List<System.Net.Sockets.TcpClient>();
        try
        {
            for (var attempt = 0; attempt < 100 && held.Count < 2; attempt++)
            {
                var client = new System.Net.Sockets.TcpClient();
                await client.ConnectAsync("127.0.0.1", relay.SmtpPort);
                var reader = new StreamReader(client.GetStream(), System.Text.Encoding.ASCII);
                if ((await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)))?.StartsWith("220 ", StringComparison.Ordinal) == true)
                {
                    held.Add(client);
                }
                else
                {
                    client.Dispose();
                    await Task.Delay(100);
                }
            }

            Assert.That(held, Has.Count.EqualTo(2));
            var refused = await RawSmtp.ConverseAsync(relay.SmtpPort);
            Assert.That(refused, Does.Contain("S: 421 4.7.0 ").And.EndWith("Error: too many connections\n"), "the third connection is past the configured two");
        }
        finally
        {
            held.ForEach(c => c.Dispose());
        }
    }
}
