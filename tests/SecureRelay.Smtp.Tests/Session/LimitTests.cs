using System.Net;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>Every limit in <see cref="SmtpLimits"/>, each hit on bytes actually received.</summary>
[TestFixture]
public sealed class LimitTests
{
    [TestCase(Fragmentation.Whole)]
    [TestCase(Fragmentation.ByteByByte)]
    public async Task OverlongCommandLineGets500AndTheSessionGoesOn(Fragmentation mode)
    {
        var harness = new SmtpHarness(s => s.Limits.CommandLineLength = 600);
        var output = await harness.ReplayAsync("EHLO c.example\r\nNOOP " + new string('a', 700) + "\r\nNOOP\r\nQUIT\r\n", mode);
        Assert.That(output, Does.EndWith("250 DSN\r\n500 5.5.2 Error: line too long\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task LineExactlyAtTheLimitIsAccepted()
    {
        var harness = new SmtpHarness(s => s.Limits.CommandLineLength = 600);
        var line = "NOOP " + new string('a', 595);
        Assert.That(line, Has.Length.EqualTo(600));
        var output = await harness.ReplayAsync(line + "\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("ESMTP\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task EndlessLineWithoutTerminatorClosesTheConnection()
    {
        var harness = new SmtpHarness();
        var connection = harness.Connect();
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("220 "));
        var junk = new byte[64 * 1024];
        Array.Fill(junk, (byte)'a');
        for (var i = 0; i < 20; i++)
        {
            await connection.SendAsync(junk);
        }

        var output = await connection.ReadToEndAsync();
        Assert.That(output, Is.EqualTo("421 4.7.0 mx.test.example Error: line too long\r\n"));
    }

    [TestCase(Fragmentation.Whole)]
    [TestCase(Fragmentation.LineByLine)]
    public async Task MessageSizeIsEnforcedOnReceivedBytes(Fragmentation mode)
    {
        var harness = new SmtpHarness(s => s.Limits.MessageSize = 4096);
        var body = "Subject: x\r\n\r\n" + string.Concat(Enumerable.Repeat(new string('b', 98) + "\r\n", 50));
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "DATA\r\n" + body + ".\r\nNOOP\r\nQUIT\r\n", mode);
        Assert.That(output, Does.EndWith("354 End data with <CR><LF>.<CR><LF>\r\n552 5.3.4 Message size exceeds fixed limit\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
        Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task MessageJustUnderTheSizeLimitIsAccepted()
    {
        var harness = new SmtpHarness(s => s.Limits.MessageSize = 4096);
        var body = "Subject: x\r\n\r\n" + string.Concat(Enumerable.Repeat(new string('b', 98) + "\r\n", 40)) + new string('c', 4096 - 14 - 4000 - 2) + "\r\n";
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "DATA\r\n" + body + ".\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.Contain("250 2.0.0 Ok: queued"));
        Assert.That(harness.Acceptor.Single().Body, Has.Length.EqualTo(4096));
    }

    [Test]
    public async Task DeclaredSizeAboveTheLimitIsRefusedAtMail()
    {
        var harness = new SmtpHarness(s => s.Limits.MessageSize = 4096);
        var output = await harness.ReplayAsync("EHLO c.example\r\nMAIL FROM:<a@b.example> SIZE=4097\r\nMAIL FROM:<a@b.example> SIZE=99999999999999999999\r\nMAIL FROM:<a@b.example> SIZE=4096\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 DSN\r\n552 5.3.4 Message size exceeds fixed limit\r\n552 5.3.4 Message size exceeds fixed limit\r\n250 2.1.0 Ok\r\n221 2.0.0 Bye\r\n"));
        Assert.That(output, Does.Contain("250-SIZE 4096\r\n"));
    }

    [Test]
    public async Task RecipientLimitGives452()
    {
        var harness = new SmtpHarness(s => s.Limits.RecipientsPerMessage = 3);
        var rcpts = string.Concat(Enumerable.Range(1, 5).Select(i => $"RCPT TO:<r{i}@d.example>\r\n"));
        var output = await harness.ReplayAsync("EHLO c.example\r\nMAIL FROM:<a@b.example>\r\n" + rcpts + "DATA\r\nx\r\n.\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.Contain("250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n452 4.5.3 Error: too many recipients\r\n452 4.5.3 Error: too many recipients\r\n354 "));
        Assert.That(harness.Acceptor.Single().Transaction.Recipients, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task HeaderSectionLimit()
    {
        var harness = new SmtpHarness(s => s.Limits.HeaderSectionSize = 2048);
        var headers = string.Concat(Enumerable.Range(0, 40).Select(i => $"X-H{i:00}: {new string('h', 60)}\r\n"));
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "DATA\r\n" + headers + "\r\nbody\r\n.\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.Contain("552 5.3.4 Message header size exceeds fixed limit\r\n"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
    }

    [Test]
    public async Task LargeBodyAfterSmallHeaderIsNotAHeaderProblem()
    {
        var harness = new SmtpHarness(s => s.Limits.HeaderSectionSize = 2048);
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "DATA\r\nSubject: s\r\n\r\n" + string.Concat(Enumerable.Repeat(new string('b', 100) + "\r\n", 100)) + ".\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.Contain("250 2.0.0 Ok: queued"));
    }

    [Test]
    public async Task DataLineLengthLimit()
    {
        var harness = new SmtpHarness(s => s.Limits.DataLineLength = 1000);
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "DATA\r\nSubject: s\r\n\r\n" + new string('x', 1001) + "\r\n.\r\nQUIT\r\n", Fragmentation.LineByLine);
        Assert.That(output, Does.Contain("354 End data with <CR><LF>.<CR><LF>\r\n500 5.5.2 Error: message line too long\r\n221 2.0.0 Bye"));
    }

    [Test]
    public async Task CommandTimeoutGives421()
    {
        var harness = new SmtpHarness(s => s.Limits.CommandTimeout = TimeSpan.FromMilliseconds(200));
        var connection = harness.Connect();
        await connection.SendAsync("EHLO c.example\r\n");
        var output = await connection.ReadToEndAsync();
        Assert.That(output, Does.EndWith("250 DSN\r\n421 4.4.2 mx.test.example Error: timeout exceeded\r\n"));
    }

    [Test]
    public async Task DataTimeoutGives421()
    {
        var harness = new SmtpHarness(s =>
        {
            s.Limits.DataTimeout = TimeSpan.FromMilliseconds(200);
            s.Limits.MinimumDataRate = 0;
        });
        var connection = harness.Connect();
        await connection.SendAsync(SmtpHarness.Envelope + "DATA\r\nSubject: slow\r\n");
        var output = await connection.ReadToEndAsync();
        Assert.That(output, Does.EndWith("354 End data with <CR><LF>.<CR><LF>\r\n421 4.4.2 mx.test.example Error: timeout exceeded\r\n"));
        Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task TricklingClientIsCutOffByTheMinimumDataRate()
    {
        var harness = new SmtpHarness(s =>
        {
            s.Limits.MinimumDataRate = 1000;
            s.Limits.MinimumDataRateGracePeriod = TimeSpan.FromMilliseconds(300);
        });
        var connection = harness.Connect();
        await connection.SendAsync(SmtpHarness.Envelope + "DATA\r\n");
        var trickle = Task.Run(async () =>
        {
            for (var i = 0; i < 40 && !connection.Session.IsCompleted; i++)
            {
                await connection.SendAsync("x");
                await Task.Delay(50);
            }
        });
        var output = await connection.ReadToEndAsync();
        await trickle;
        Assert.That(output, Does.EndWith("354 End data with <CR><LF>.<CR><LF>\r\n421 4.4.2 mx.test.example Error: data rate too low\r\n"));
    }

    [Test]
    public async Task ConnectionsPerAddressLimit()
    {
        var harness = new SmtpHarness(s => s.Limits.ConnectionsPerAddress = 2);
        var first = harness.Connect();
        var second = harness.Connect();
        Assert.That(await first.ReadReplyAsync(), Is.EqualTo("220 mx.test.example ESMTP\r\n"));
        Assert.That(await second.ReadReplyAsync(), Is.EqualTo("220 mx.test.example ESMTP\r\n"));

        var third = harness.Connect();
        Assert.That(await third.ReadToEndAsync(), Is.EqualTo("421 4.7.0 mx.test.example Error: too many connections from your address\r\n"));
        var other = harness.Connect(new IPEndPoint(IPAddress.Parse("10.9.9.9"), 1234));
        Assert.That(await other.ReadReplyAsync(), Does.StartWith("220 "), "another address is not affected");

        await first.SendAsync("QUIT\r\n");
        await first.ReadToEndAsync();
        var fourth = harness.Connect();
        Assert.That(await fourth.ReadReplyAsync(), Does.StartWith("220 "));
        Assert.That(harness.Events.Log, Does.Contain("refused 421"));
        await second.CloseAsync();
        await fourth.CloseAsync();
        await other.CloseAsync();
    }

    [Test]
    public async Task ClientThatNeverReadsRepliesMeetsBackpressureAndATimeout()
    {
        var harness = new SmtpHarness(s => s.Limits.CommandTimeout = TimeSpan.FromMilliseconds(500));
        var connection = harness.Connect();
        var noops = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("NOOP\r\n", 200_000)));
        // The in-memory pipes pause writers at 64 KiB, like a TCP window; the server must not buffer
        // 3 MB of replies for a client that does not read them.
        var send = connection.SendAsync(noops);
        await connection.Session.WaitAsync(TimeSpan.FromSeconds(20));
        await send.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(harness.Logs.Entries.Select(e => e.Message), Has.Some.Contains("client does not read its replies"));
    }

    [Test]
    public async Task ClientThatNeverReadsRepliesOverTlsIsAlsoCutOff()
    {
        var harness = SmtpHarness.WithTls(server: s => s.Limits.CommandTimeout = TimeSpan.FromMilliseconds(500));
        var connection = harness.Connect();
        var client = new StreamClient(connection.ClientStream);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.example");
        await client.CommandAsync("STARTTLS");
        await client.StartTlsAsync();
        var noops = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("NOOP\r\n", 100_000)));
        var send = Task.Run(async () =>
        {
            try
            {
                await client.Stream.WriteAsync(noops);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
                // the server gave up on us, as it should
            }
        });
        await connection.Session.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(harness.Logs.Entries.Select(e => e.Message), Has.Some.Contains("client does not read its replies"));
        await connection.CloseAsync();
    }

    [Test]
    public async Task TooManyErrorsCloseTheSession()
    {
        var harness = new SmtpHarness(s => s.Limits.ErrorsPerSession = 3);
        var output = await harness.ReplayAsync("BAD1\r\nBAD2\r\nBAD3\r\nEHLO c.example\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Is.EqualTo(
            "220 mx.test.example ESMTP\r\n500 5.5.2 Error: command not recognized\r\n500 5.5.2 Error: command not recognized\r\n" +
            "500 5.5.2 Error: command not recognized\r\n421 4.7.0 mx.test.example Error: too many errors\r\n"));
    }

    [Test]
    public async Task BdatChunkBeyondTheSizeLimitIsReadAndRefused()
    {
        var harness = new SmtpHarness(s => s.Limits.MessageSize = 2048);
        var chunk = new string('z', 3000);
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "BDAT 3000 LAST\r\n" + chunk + "NOOP\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.1.5 Ok\r\n552 5.3.4 Message size exceeds fixed limit\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
    }

    [Test]
    public void LimitsAreValidated()
    {
        Assert.That(new SmtpLimits { CommandLineLength = 100 }.Validate().Select(e => e.Key), Is.EqualTo(new[] { "command_line_length" }));
        Assert.That(new SmtpLimits { RecipientsPerMessage = 0, LineLength = 999 }.Validate().Select(e => e.Key), Is.EquivalentTo(new[] { "max_recipients", "max_line_length" }));
        Assert.That(new SmtpLimits().Validate(), Is.Empty);
        Assert.That(() => new SmtpServerOptions { Limits = new SmtpLimits { RecipientsPerMessage = 0 } }.Validate(), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("limits.max_recipients"));
        var defaults = new SmtpLimits();
        Assert.Multiple(() =>
        {
            Assert.That(defaults.CommandLineLength, Is.EqualTo(2048));
            Assert.That(defaults.MessageSize, Is.EqualTo(50L * 1024 * 1024));
            Assert.That(defaults.RecipientsPerMessage, Is.EqualTo(1000));
            Assert.That(defaults.CommandTimeout, Is.EqualTo(TimeSpan.FromSeconds(300)));
            Assert.That(defaults.ConnectionsPerAddress, Is.EqualTo(50));
            Assert.That(defaults.ErrorsPerSession, Is.EqualTo(20));
            Assert.That(defaults.BareLineEndings, Is.EqualTo(BareLineEndingHandling.Normalize));
        });
    }
}
