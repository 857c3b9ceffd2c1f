using System.Text;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>CHUNKING and BINARYMIME (RFC 3030).</summary>
[TestFixture]
public sealed class BdatTests
{
    private const string Envelope = "EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\n";

    [TestCase(Fragmentation.Whole)]
    [TestCase(Fragmentation.LineByLine)]
    [TestCase(Fragmentation.ByteByByte)]
    public async Task ChunksAreJoinedAndLastEndsTheMessage(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            Envelope + "BDAT 19\r\nSubject: chunks\r\n\r\nBDAT 11\r\n.no stuff\r\nBDAT 8 LAST\r\nend.\r\n\r\nQUIT\r\n", mode);
        Assert.That(output, Does.EndWith(
            "250 2.1.5 Ok\r\n250 2.0.0 19 octets received\r\n250 2.0.0 11 octets received\r\n250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("Subject: chunks\r\n\r\n.no stuff\r\nend.\r\n\r\n"), "no dot-unstuffing in BDAT");
    }

    [Test]
    public async Task ZeroLengthLastChunk()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(Envelope + "BDAT 6\r\nab\r\n\r\nBDAT 0 LAST\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.0.0 6 octets received\r\n250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("ab\r\n\r\n"));
    }

    [TestCase(Fragmentation.Whole)]
    [TestCase(Fragmentation.ByteByByte)]
    public async Task BinaryMimePassesEveryByteUntouched(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var binary = new byte[512];
        for (var i = 0; i < binary.Length; i++)
        {
            binary[i] = (byte)(i * 7);
        }

        binary[10] = (byte)'\n';
        binary[11] = (byte)'.';
        binary[12] = (byte)'\r';
        var head = Encoding.ASCII.GetBytes("Content-Type: application/octet-stream\r\n\r\n");
        var content = head.Concat(binary).ToArray();
        var script = Encoding.ASCII.GetBytes($"EHLO c.example\r\nMAIL FROM:<a@b.example> BODY=BINARYMIME\r\nRCPT TO:<c@d.example>\r\nBDAT {content.Length} LAST\r\n")
            .Concat(content).Concat(Encoding.ASCII.GetBytes("QUIT\r\n")).ToArray();
        var connection = harness.Connect();
        await connection.SendAsync(script, mode);
        await connection.CloseAsync();
        var output = await connection.ReadToEndAsync();
        Assert.That(output, Does.EndWith("250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        var message = harness.Acceptor.Single();
        Assert.That(message.Body, Is.EqualTo(content));
        Assert.That(message.Transaction.BodyType, Is.EqualTo(MessageBodyType.BinaryMime));
    }

    [Test]
    public async Task BinaryMimeWithDataIsRefused()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync("EHLO c.example\r\nMAIL FROM:<a@b.example> BODY=BINARYMIME\r\nRCPT TO:<c@d.example>\r\nDATA\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.1.5 Ok\r\n503 5.5.1 Error: BODY=BINARYMIME requires BDAT\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task BareLineFeedInATextChunkIsRefusedAndLaterChunksAreStillConsumed()
    {
        var harness = new SmtpHarness(s => s.Limits.BareLineEndings = BareLineEndingHandling.Reject);
        var output = await harness.ReplayAsync(Envelope + "BDAT 8\r\nA: 1\nx\r\nBDAT 4 LAST\r\nMAILNOOP\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith(
            "250 2.1.5 Ok\r\n550 5.6.0 Error: bare CR or LF in message content\r\n503 5.5.1 Error: need MAIL command\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
        Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task CrLfSplitAcrossChunksIsFine()
    {
        var harness = new SmtpHarness(s => s.Limits.BareLineEndings = BareLineEndingHandling.Reject);
        var output = await harness.ReplayAsync(Envelope + "BDAT 5\r\nA: 1\rBDAT 3 LAST\r\n\nb\rQUIT\r\n", Fragmentation.Whole);
        // The last chunk ends in a bare CR: refused.
        Assert.That(output, Does.EndWith("250 2.0.0 5 octets received\r\n550 5.6.0 Error: bare CR or LF in message content\r\n221 2.0.0 Bye\r\n"));

        harness = new SmtpHarness();
        output = await harness.ReplayAsync(Envelope + "BDAT 5\r\nA: 1\rBDAT 4 LAST\r\n\nb\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("A: 1\r\nb\r\n"));
    }

    [Test]
    public async Task RsetAbandonsAChunkedMessage()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(Envelope + "BDAT 3\r\nabcRSET\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("250 2.0.0 3 octets received\r\n250 2.0.0 Ok\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
        Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
    }

    [Test]
    public async Task BdatSyntaxErrors()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(Envelope + "BDAT\r\nBDAT x\r\nBDAT 3 FIRST\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("501 5.5.4 Syntax: BDAT chunk-size [LAST]\r\n501 5.5.4 Syntax: BDAT chunk-size [LAST]\r\n504 5.5.4 Unrecognized BDAT parameter\r\n221 2.0.0 Bye\r\n"));
    }
}
