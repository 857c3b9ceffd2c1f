using SecureRelay.Smtp.Protocol;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Protocol;

[TestFixture]
internal sealed class SmtpStateTableTests
{
    [Test]
    public void AnytimeCommandsAreAllowedInEveryState()
    {
        foreach (var state in SmtpStateTable.States)
        {
            foreach (var verb in new[] { SmtpVerb.Noop, SmtpVerb.Quit, SmtpVerb.Vrfy, SmtpVerb.Help })
            {
                Assert.That(SmtpStateTable.TryGetTransition(state, verb, out var next), Is.True, $"{verb} in {state}");
                Assert.That(next, Is.EqualTo(state));
            }
        }
    }

    [TestCase(SmtpState.Initial, SmtpVerb.Mail, "Error: send HELO/EHLO first")]
    [TestCase(SmtpState.Initial, SmtpVerb.Rcpt, "Error: send HELO/EHLO first")]
    [TestCase(SmtpState.Initial, SmtpVerb.Data, "Error: send HELO/EHLO first")]
    [TestCase(SmtpState.Initial, SmtpVerb.Auth, "Error: send HELO/EHLO first")]
    [TestCase(SmtpState.Ready, SmtpVerb.Rcpt, "Error: need MAIL command")]
    [TestCase(SmtpState.Ready, SmtpVerb.Data, "Error: need MAIL command")]
    [TestCase(SmtpState.Ready, SmtpVerb.Bdat, "Error: need MAIL command")]
    [TestCase(SmtpState.MailFrom, SmtpVerb.Data, "Error: need RCPT command")]
    [TestCase(SmtpState.MailFrom, SmtpVerb.Mail, "Error: nested MAIL command")]
    [TestCase(SmtpState.RcptTo, SmtpVerb.Mail, "Error: nested MAIL command")]
    [TestCase(SmtpState.RcptTo, SmtpVerb.StartTls, "Error: MAIL transaction in progress")]
    [TestCase(SmtpState.Chunking, SmtpVerb.Data, "Error: BDAT transfer in progress")]
    [TestCase(SmtpState.Chunking, SmtpVerb.Rcpt, "Error: BDAT transfer in progress")]
    public void OutOfOrderCommandsAreRefusedWith503(SmtpState state, SmtpVerb verb, string text)
    {
        Assert.That(SmtpStateTable.TryGetTransition(state, verb, out _), Is.False);
        Assert.That(SmtpStateTable.OutOfSequence(state, verb), Is.EqualTo(new SmtpReply(503, "5.5.1", text)));
    }

    [TestCase(SmtpState.Initial, SmtpVerb.Ehlo, SmtpState.Ready)]
    [TestCase(SmtpState.Ready, SmtpVerb.Mail, SmtpState.MailFrom)]
    [TestCase(SmtpState.MailFrom, SmtpVerb.Rcpt, SmtpState.RcptTo)]
    [TestCase(SmtpState.RcptTo, SmtpVerb.Data, SmtpState.Ready)]
    [TestCase(SmtpState.RcptTo, SmtpVerb.Bdat, SmtpState.Chunking)]
    [TestCase(SmtpState.Chunking, SmtpVerb.BdatLast, SmtpState.Ready)]
    [TestCase(SmtpState.Ready, SmtpVerb.StartTls, SmtpState.Initial)]
    [TestCase(SmtpState.RcptTo, SmtpVerb.Rset, SmtpState.Ready)]
    [TestCase(SmtpState.Initial, SmtpVerb.Rset, SmtpState.Initial)]
    public void TransitionsFollowTheTable(SmtpState from, SmtpVerb verb, SmtpState to)
    {
        Assert.That(SmtpStateTable.TryGetTransition(from, verb, out var next), Is.True);
        Assert.That(next, Is.EqualTo(to));
    }

    [TestCase(Fragmentation.Whole)]
    [TestCase(Fragmentation.ByteByByte)]
    public async Task WrongOrderInASessionGets503AndRunsNothing(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            "MAIL FROM:<a@b.example>\r\nEHLO c.example\r\nRCPT TO:<c@d.example>\r\nDATA\r\nMAIL FROM:<a@b.example>\r\nDATA\r\n" +
            "MAIL FROM:<a@b.example>\r\nBDAT 5\r\nhelloRCPT TO:<c@d.example>\r\nBDAT 3\r\nabcDATA\r\nRCPT TO:<e@d.example>\r\nBDAT 0 LAST\r\nQUIT\r\n",
            mode);
        Assert.That(output, Is.EqualTo(
            "220 mx.test.example ESMTP\r\n503 5.5.1 Error: send HELO/EHLO first\r\n" +
            "250-mx.test.example\r\n250-PIPELINING\r\n250-SIZE 52428800\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250-ENHANCEDSTATUSCODES\r\n250-CHUNKING\r\n250 DSN\r\n" +
            "503 5.5.1 Error: need MAIL command\r\n503 5.5.1 Error: need MAIL command\r\n250 2.1.0 Ok\r\n503 5.5.1 Error: need RCPT command\r\n" +
            "503 5.5.1 Error: nested MAIL command\r\n503 5.5.1 Error: need RCPT command\r\n250 2.1.5 Ok\r\n250 2.0.0 3 octets received\r\n" +
            "503 5.5.1 Error: BDAT transfer in progress\r\n503 5.5.1 Error: BDAT transfer in progress\r\n250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("abc\r\n"), "a last BDAT chunk without a line ending is ended with CRLF");
    }
}
