using System.Text;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>Whole SMTP dialogues replayed in one write, line by line and byte by byte: the replies and
/// what the acceptor receives must not depend on how TCP cuts the input.</summary>
[TestFixture]
public sealed class TranscriptTests
{
    private const string Ehlo =
        "250-mx.test.example\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n" +
        "250-ENHANCEDSTATUSCODES\r\n250-CHUNKING\r\n250 DSN\r\n";

    private static readonly Fragmentation[] Modes = [Fragmentation.Whole, Fragmentation.LineByLine, Fragmentation.ByteByByte];

    [TestCaseSource(nameof(Modes))]
    public async Task OneMessageWithDotStuffing(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            "EHLO client.example\r\n" +
            "MAIL FROM:<sender@clinic.example>\r\n" +
            "RCPT TO:<one@dest.example>\r\n" +
            "RCPT TO:<two@dest.example>\r\n" +
            "DATA\r\n" +
            "Subject: test\r\n\r\nline one\r\n..leading dot\r\n.\r\n" +
            "QUIT\r\n",
            mode);

        Assert.That(output, Is.EqualTo(
            "220 mx.test.example ESMTP\r\n" + Ehlo +
            "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n" +
            "354 End data with <CR><LF>.<CR><LF>\r\n250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        var message = harness.Acceptor.Single();
        Assert.That(message.BodyText, Is.EqualTo("Subject: test\r\n\r\nline one\r\n.leading dot\r\n"));
        Assert.That(message.Transaction.ReversePath, Is.EqualTo("sender@clinic.example"));
        Assert.That(message.Transaction.Recipients.Select(r => r.Address), Is.EqualTo(new[] { "one@dest.example", "two@dest.example" }));
        Assert.That(message.Session.HeloName, Is.EqualTo("client.example"));
        Assert.That(harness.Logs.Errors, Is.Empty);
        Assert.That(harness.Logs.Entries.Select(e => e.Message), Has.None.Contains("leading dot"), "bodies are never logged");
    }

    [TestCaseSource(nameof(Modes))]
    public async Task TwoMessagesAndRsetInOneSession(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            "HELO client.example\r\n" +
            "MAIL FROM:<>\r\nRCPT TO:<a@dest.example>\r\nDATA\r\nfirst\r\n.\r\n" +
            "MAIL FROM:<x@clinic.example>\r\nRSET\r\n" +
            "MAIL FROM:<y@clinic.example>\r\nRCPT TO:<b@dest.example>\r\nDATA\r\nsecond\r\n.\r\n" +
            "NOOP\r\nVRFY someone\r\nHELP\r\nQUIT\r\n",
            mode);

        Assert.That(output, Is.EqualTo(
            "220 mx.test.example ESMTP\r\n250 mx.test.example\r\n" +
            "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n250 2.0.0 Ok: queued\r\n" +
            "250 2.1.0 Ok\r\n250 2.0.0 Ok\r\n" +
            "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n250 2.0.0 Ok: queued\r\n" +
            "250 2.0.0 Ok\r\n252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery\r\n" +
            "214 2.0.0 Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP STARTTLS AUTH\r\n221 2.0.0 Bye\r\n"));
        var messages = harness.Acceptor.Messages.ToArray();
        Assert.That(messages.Select(m => m.BodyText), Is.EqualTo(new[] { "first\r\n", "second\r\n" }));
        Assert.That(messages[0].Transaction.ReversePath, Is.Empty);
        Assert.That(messages[1].Transaction.ReversePath, Is.EqualTo("y@clinic.example"));
        Assert.That(messages[0].ReceivedHeader, Does.Contain(" with SMTP id "));
    }

    [TestCaseSource(nameof(Modes))]
    public async Task ReceivedHeaderHasNoRecipientsAndAnRfc5322Date(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        await harness.ReplayAsync("EHLO client.example\r\nMAIL FROM:<s@clinic.example>\r\nRCPT TO:<secret-bcc@dest.example>\r\nDATA\r\nx\r\n.\r\nQUIT\r\n", mode);
        var message = harness.Acceptor.Single();
        Assert.That(message.ReceivedHeader, Does.Match(
            @"^Received: from client\.example \(\[10\.1\.2\.3\]\)\r\n\tby mx\.test\.example \(SecureRelay\) with ESMTP id [0-9A-Z]{12};\r\n\t[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000\r\n$"));
        Assert.That(message.ReceivedHeader, Does.Contain(message.Session.SessionId));
        Assert.That(Encoding.UTF8.GetString(message.Content), Does.Not.Contain("secret-bcc"));
    }

    [Test]
    public async Task ReceivedHeaderUsesAnIpv6LiteralForIpv6Clients()
    {
        var harness = new SmtpHarness(listener: l => l.RelayNetworks = [System.Net.IPNetwork.Parse("2001:db8::/32")]);
        var remote = new System.Net.IPEndPoint(System.Net.IPAddress.Parse("2001:db8::25"), 4000);
        await harness.ReplayAsync("EHLO [IPv6:2001:db8::25]\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nx\r\n.\r\nQUIT\r\n", Fragmentation.Whole, remote);
        Assert.That(harness.Acceptor.Single().ReceivedHeader, Does.StartWith("Received: from [IPv6:2001:db8::25] ([IPv6:2001:db8::25])\r\n"));
    }

    [TestCaseSource(nameof(Modes))]
    public async Task UnknownAndMalformedCommandsGetPreciseReplies(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            "FOO bar\r\nEHLO\r\nHELO bad!name\r\nEHLO client.example\r\nMAIL TO:<x@y.example>\r\nMAIL FROM:<no-at-sign>\r\n" +
            "MAIL FROM:<a@b.example> FROB=1\r\nMAIL FROM:<a@b.example> SIZE=abc\r\nMAIL FROM:<a@b.example>\r\n" +
            "RCPT TO:<bad address@x.example>\r\nRCPT TO:<c@d.example> XYZ\r\nDATA extra\r\nQUIT\r\n",
            mode);

        Assert.That(output, Is.EqualTo(
            "220 mx.test.example ESMTP\r\n" +
            "500 5.5.2 Error: command not recognized\r\n" +
            "501 5.5.4 Syntax: EHLO hostname\r\n" +
            "501 5.5.4 Syntax: HELO hostname\r\n" + Ehlo +
            "501 5.5.4 Syntax: MAIL FROM:<address>\r\n" +
            "501 5.1.7 Bad sender address syntax\r\n" +
            "555 5.5.4 Unsupported parameter FROB\r\n" +
            "501 5.5.4 Invalid SIZE parameter\r\n" +
            "250 2.1.0 Ok\r\n" +
            "501 5.1.3 Bad recipient address syntax\r\n" +
            "555 5.5.4 Unsupported parameter XYZ\r\n" +
            "501 5.5.4 Syntax error in parameters or arguments\r\n" +
            "221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Calls, Is.EqualTo(new[] { "MAIL a@b.example" }));
    }

    [TestCaseSource(nameof(Modes))]
    public async Task SmtpUtf8AddressesNeedTheParameter(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            "EHLO client.example\r\nMAIL FROM:<jörg@clinic.example>\r\nMAIL FROM:<jörg@clinic.example> SMTPUTF8 BODY=8BITMIME\r\n" +
            "RCPT TO:<名前@例え.example>\r\nDATA\r\nSubject: grüße\r\n\r\nß\r\n.\r\nQUIT\r\n",
            mode);
        Assert.That(output, Does.Contain("553 5.6.7 Non-ASCII address requires SMTPUTF8\r\n250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n"));
        var message = harness.Acceptor.Single();
        Assert.That(message.Transaction.SmtpUtf8, Is.True);
        Assert.That(message.Transaction.BodyType, Is.EqualTo(MessageBodyType.EightBitMime));
        Assert.That(message.Transaction.Recipients[0].Address, Is.EqualTo("名前@例え.example"));
        Assert.That(message.BodyText, Is.EqualTo("Subject: grüße\r\n\r\nß\r\n"));
        Assert.That(message.ReceivedHeader, Does.Contain(" with UTF8SMTP id "));
    }

    [TestCaseSource(nameof(Modes))]
    public async Task EightBitContentWithoutDeclarationIsAccepted(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync("EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nx: \u00e9\r\n\r\n\u00e9\r\n.\r\nQUIT\r\n", mode);
        Assert.That(output, Does.Contain("250 2.0.0 Ok: queued"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("x: \u00e9\r\n\r\n\u00e9\r\n"));
    }

    [Test]
    public async Task ContentIsStreamedInBlocksNotBufferedWhole()
    {
        var harness = new SmtpHarness();
        var line = new string('x', 998) + "\r\n";
        var body = "Subject: big\r\n\r\n" + string.Concat(Enumerable.Repeat(line, 1000)); // ~1 MB
        var output = await harness.ReplayAsync($"EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n{body}.\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.Contain("250 2.0.0 Ok: queued"));
        var message = harness.Acceptor.Single();
        Assert.That(message.BodyText, Is.EqualTo(body));
        Assert.That(message.Writes, Is.GreaterThan(10), "content must reach the sink in many blocks");
    }

    [Test]
    public async Task CommandsAreCaseInsensitiveAndBareLfTerminatedCommandsWork()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync("ehlo c.example\nmail from:<a@b.example>\nrcpt to:<c@d.example>\r\nquit\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task ServerEventsReportAcceptLatencyAndRejections()
    {
        var harness = new SmtpHarness();
        await harness.ReplayAsync("EHLO c.example\r\nDATA\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nx\r\n.\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(harness.Events.Log, Is.EqualTo(new[] { "opened", "rejected DATA 503", "accepted 3", "closed" }));
        Assert.That(harness.Events.AcceptLatencies.Single(), Is.GreaterThanOrEqualTo(TimeSpan.Zero).And.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task AcceptorRefusalsAndFailuresBecomeReplies()
    {
        var harness = new SmtpHarness();
        harness.Acceptor.OnMailFrom = t => t.ReversePath.StartsWith("spoof", StringComparison.Ordinal) ? new SmtpReply(553, "5.7.1", "Sender not allowed") : null;
        harness.Acceptor.OnRecipient = r => r.Address.StartsWith("boom", StringComparison.Ordinal) ? throw new InvalidOperationException("test") : null;
        var output = await harness.ReplayAsync(
            "EHLO c.example\r\nMAIL FROM:<spoof@x.example>\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<boom@d.example>\r\nRCPT TO:<c@d.example>\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("553 5.7.1 Sender not allowed\r\n250 2.1.0 Ok\r\n451 4.3.0 Error: temporary failure, try again later\r\n250 2.1.5 Ok\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task SinkFailureBecomes451AndTheSessionContinues()
    {
        var harness = new SmtpHarness();
        harness.Acceptor.FailWrites = true;
        var output = await harness.ReplayAsync(
            "EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nsome content\r\n.\r\nNOOP\r\nQUIT\r\n", Fragmentation.LineByLine);
        Assert.That(output, Does.EndWith("354 End data with <CR><LF>.<CR><LF>\r\n451 4.3.0 Error: queue file write error\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
        Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task SinkCompleteReplyIsTheAnswerToTheFinalDot()
    {
        var harness = new SmtpHarness();
        harness.Acceptor.CompleteReply = new SmtpReply(550, "5.7.1", "Policy: PHI to marketing without consent");
        var output = await harness.ReplayAsync("EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nx\r\n.\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("354 End data with <CR><LF>.<CR><LF>\r\n550 5.7.1 Policy: PHI to marketing without consent\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task BeginFailureBecomes451()
    {
        var harness = new SmtpHarness();
        harness.Acceptor.FailBegin = true;
        var output = await harness.ReplayAsync("EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nRSET\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.1.5 Ok\r\n451 4.3.0 Error: queue file write error\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
    }
}
