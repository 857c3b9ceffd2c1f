using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>DSN parameters (RFC 3461) reach the transaction, xtext-decoded.</summary>
[TestFixture]
public sealed class DsnTests
{
    [TestCase(Fragmentation.Whole)]
    [TestCase(Fragmentation.ByteByByte)]
    public async Task DsnParametersRoundTrip(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            "EHLO c.example\r\nMAIL FROM:<a@b.example> RET=HDRS ENVID=QQ+2B314+3Dx SIZE=100 BODY=8BITMIME\r\n" +
            "RCPT TO:<c@d.example> NOTIFY=SUCCESS,DELAY ORCPT=rfc822;c+2Btag@d.example\r\n" +
            "RCPT TO:<e@d.example> NOTIFY=NEVER\r\nRCPT TO:<f@d.example>\r\nDATA\r\nx\r\n.\r\nQUIT\r\n",
            mode);
        Assert.That(output, Does.Contain("250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n250 2.1.5 Ok\r\n"));
        var transaction = harness.Acceptor.Single().Transaction;
        Assert.Multiple(() =>
        {
            Assert.That(transaction.Return, Is.EqualTo(DsnReturn.Headers));
            Assert.That(transaction.EnvelopeId, Is.EqualTo("QQ+314=x"));
            Assert.That(transaction.DeclaredSize, Is.EqualTo(100));
            Assert.That(transaction.BodyType, Is.EqualTo(MessageBodyType.EightBitMime));
            Assert.That(transaction.Recipients[0], Is.EqualTo(new SmtpRecipient("c@d.example", DsnNotify.Success | DsnNotify.Delay, "rfc822;c+tag@d.example")));
            Assert.That(transaction.Recipients[1], Is.EqualTo(new SmtpRecipient("e@d.example", DsnNotify.Never, null)));
            Assert.That(transaction.Recipients[2], Is.EqualTo(new SmtpRecipient("f@d.example", DsnNotify.Unspecified, null)));
        });
    }

    [Test]
    public async Task InvalidDsnParametersAreRefused()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            "EHLO c.example\r\nMAIL FROM:<a@b.example> RET=ALL\r\nMAIL FROM:<a@b.example> ENVID=bad+zz\r\nMAIL FROM:<a@b.example> RET=FULL RET=HDRS\r\n" +
            "MAIL FROM:<a@b.example> REQUIRETLS\r\nMAIL FROM:<a@b.example> RET=FULL\r\n" +
            "RCPT TO:<c@d.example> NOTIFY=NEVER,SUCCESS\r\nRCPT TO:<c@d.example> NOTIFY=SOMETIMES\r\nRCPT TO:<c@d.example> ORCPT=noaddress\r\nRCPT TO:<c@d.example> ORCPT=rfc822;a+2\r\nQUIT\r\n",
            Fragmentation.Whole);
        Assert.That(output, Does.EndWith(
            "250 DSN\r\n501 5.5.4 Invalid RET parameter\r\n501 5.5.4 Invalid ENVID parameter\r\n501 5.5.4 Duplicate parameter RET\r\n" +
            "555 5.5.4 Unsupported parameter REQUIRETLS\r\n250 2.1.0 Ok\r\n" +
            "501 5.5.4 Invalid NOTIFY parameter\r\n501 5.5.4 Invalid NOTIFY parameter\r\n501 5.5.4 Invalid ORCPT parameter\r\n501 5.5.4 Invalid ORCPT parameter\r\n221 2.0.0 Bye\r\n"));
    }
}
