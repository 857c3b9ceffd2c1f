using System.Text;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>CHUNKING (RFC 3030); BINARYMIME is not offered.</summary>
[TestFixture]
public sealed class BdatTests
{
    [TestCase(Fragmentation.Whole)]
    [TestCase(Fragmentation.LineByLine)]
    [TestCase(Fragmentation.ByteByByte)]
    public async Task ChunksAreJoinedAndLastEndsTheMessage(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            SmtpHarness.Envelope + "BDAT 19\r\nSubject: chunks\r\n\r\nBDAT 11\r\n.no stuff\r\nBDAT 8 LAST\r\nend.\r\n\r\nQUIT\r\n", mode);
        Assert.That(output, Does.EndWith(
            "250 2.1.5 Ok\r\n250 2.0.0 19 octets received\r\n250 2.0.0 11 octets received\r\n250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("Subject: chunks\r\n\r\n.no stuff\r\nend.\r\n\r\n"), "no dot-unstuffing in BDAT");
    }

    [Test]
    public async Task ZeroLengthLastChunk()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "BDAT 6\r\nab\r\n\r\nBDAT 0 LAST\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.0.0 6 octets received\r\n250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("ab\r\n\r\n"));
    }

    [Test]
    public async Task BinaryMimeIsNeitherOfferedNorAccepted()
    {
        var harness = new SmtpHarness();
        // The chunk after the refused MAIL is read past (RFC 3030 §2), never run as commands.
        var chunk = "x\r\nMAIL FROM:<admin@bank.example>\r\n";
        var output = await harness.ReplayAsync(
            $"EHLO c.example\r\nMAIL FROM:<a@b.example> BODY=BINARYMIME\r\nRCPT TO:<c@d.example>\r\nBDAT {chunk.Length} LAST\r\n{chunk}QUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.Contain("250-CHUNKING\r\n").And.Not.Contain("250-BINARYMIME").And.Not.Contain("250 BINARYMIME"));
        Assert.That(output, Does.EndWith(
            "555 5.5.4 Unsupported BODY parameter value BINARYMIME\r\n503 5.5.1 Error: need MAIL command\r\n503 5.5.1 Error: need MAIL command\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Calls, Is.Empty);
    }

    [Test]
    public async Task BareLineFeedInATextChunkIsRefusedAndLaterChunksAreStillConsumed()
    {
        var harness = new SmtpHarness(s => s.Limits.BareLineEndings = BareLineEndingHandling.Reject);
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "BDAT 8\r\nA: 1\nx\r\nBDAT 4 LAST\r\nMAILNOOP\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith(
            "250 2.1.5 Ok\r\n550 5.6.0 Error: bare CR or LF in message content\r\n503 5.5.1 Error: need MAIL command\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
        Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task CrLfSplitAcrossChunksIsFine()
    {
        var harness = new SmtpHarness(s => s.Limits.BareLineEndings = BareLineEndingHandling.Reject);
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "BDAT 5\r\nA: 1\rBDAT 3 LAST\r\n\nb\rQUIT\r\n", Fragmentation.Whole);
        // The last chunk ends in a bare CR: refused.
        Assert.That(output, Does.EndWith("250 2.0.0 5 octets received\r\n550 5.6.0 Error: bare CR or LF in message content\r\n221 2.0.0 Bye\r\n"));

        harness = new SmtpHarness();
        output = await harness.ReplayAsync(SmtpHarness.Envelope + "BDAT 5\r\nA: 1\rBDAT 4 LAST\r\n\nb\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("A: 1\r\nb\r\n"));
    }

    [Test]
    public async Task RsetAbandonsAChunkedMessage()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "BDAT 3\r\nabcRSET\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.0.0 3 octets received\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
        Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task BdatSyntaxErrors()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "BDAT\r\nBDAT x\r\nBDAT 3 FIRST\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("501 5.5.4 Syntax: BDAT chunk-size [LAST]\r\n501 5.5.4 Syntax: BDAT chunk-size [LAST]\r\n504 5.5.4 Unrecognized BDAT parameter\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task LastChunkWithoutFinalLineEndingIsEndedWithCrLf()
    {
        // Postfix's cleanup does the same: content that stops mid-line still parses at delivery.
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(SmtpHarness.Envelope + "BDAT 14 LAST\r\nA: 1\r\n\r\nbody xQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("A: 1\r\n\r\nbody x\r\n"));
    }
}
