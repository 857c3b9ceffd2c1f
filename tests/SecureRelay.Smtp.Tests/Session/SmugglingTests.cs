using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>SMTP smuggling: only CRLF "." CRLF ends DATA, and no bare CR, bare LF or NUL is ever stored (and
/// so forwarded to a next hop that might end DATA on it), whether the content came with DATA or BDAT. Each
/// vector is followed by a smuggled second transaction; it must stay message content (or get the message
/// refused) and never run as commands.</summary>
[TestFixture]
public sealed class SmugglingTests
{
    public static readonly object[] Vectors =
    [
        new object[] { "LF.LF", "\n.\n" },
        new object[] { "CR.CR", "\r.\r" },
        new object[] { "CR.CRLF", "\r.\r\n" },
        new object[] { "LF.CRLF", "\n.\r\n" },
        new object[] { "CRLF.CR", "\r\n.\r" },
        new object[] { "CRLF-NUL.CRLF", "\r\n\0.\r\n" },
    ];

    private static readonly Fragmentation[] Modes = [Fragmentation.Whole, Fragmentation.LineByLine, Fragmentation.ByteByByte];

    private const string Smuggled =
        "MAIL FROM:<admin@bank.example>\r\nRCPT TO:<victim@dest.example>\r\nDATA\r\nFrom: admin@bank.example\r\n\r\nsmuggled\r\n.\r\n";

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var vector in Vectors.Cast<object[]>())
        {
            foreach (var mode in Modes)
            {
                foreach (var handling in new[] { BareLineEndingHandling.Reject, BareLineEndingHandling.Normalize })
                {
                    yield return new TestCaseData(vector[1], mode, handling).SetArgDisplayNames((string)vector[0], mode.ToString(), handling.ToString());
                }
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task SmuggledTransactionIsNeverExecuted(string vector, Fragmentation mode, BareLineEndingHandling handling)
    {
        var harness = new SmtpHarness(s => s.Limits.BareLineEndings = handling);
        var transcript =
            "EHLO client.example\r\nMAIL FROM:<legit@clinic.example>\r\nRCPT TO:<victim@dest.example>\r\nDATA\r\n" +
            "From: legit@clinic.example\r\n\r\nhello" + vector +
            "MAIL FROM:<admin@bank.example>\r\nRCPT TO:<victim@dest.example>\r\nDATA\r\nFrom: admin@bank.example\r\n\r\nsmuggled\r\n" +
            ".\r\nQUIT\r\n";
        var output = await harness.ReplayAsync(transcript, mode);

        var afterData = output[(output.IndexOf("354 ", StringComparison.Ordinal) + 1)..];
        AssertNotSmuggled(harness, afterData, vector, handling, refusalEnd: "\r\n221 2.0.0 Bye\r\n", bodyEnd: "smuggled\r\n");
    }

    private static IEnumerable<TestCaseData> BdatCases()
    {
        foreach (var vector in Vectors.Cast<object[]>())
        {
            foreach (var mode in Modes)
            {
                foreach (var split in new[] { false, true })
                {
                    foreach (var handling in new[] { BareLineEndingHandling.Reject, BareLineEndingHandling.Normalize })
                    {
                        yield return new TestCaseData(vector[1], mode, split, handling)
                            .SetArgDisplayNames((string)vector[0], mode.ToString(), split ? "chunk-split-in-vector" : "one-chunk", handling.ToString());
                    }
                }
            }
        }
    }

    /// <summary>BDAT has no terminator to smuggle past, but its content is forwarded inside DATA: a bare CR or
    /// LF (or a NUL) left in it would reach the next hop, which may end DATA on <c>\r.\r</c>.</summary>
    [TestCaseSource(nameof(BdatCases))]
    public async Task BdatContentNeverCarriesABareLineEndingOrNul(string vector, Fragmentation mode, bool split, BareLineEndingHandling handling)
    {
        var harness = new SmtpHarness(s => s.Limits.BareLineEndings = handling);
        var content = "From: legit@clinic.example\r\n\r\nhello" + vector + Smuggled;
        var cut = split ? content.IndexOf(vector, StringComparison.Ordinal) + 1 : content.Length;
        var chunks = split
            ? $"BDAT {cut}\r\n{content[..cut]}BDAT {content.Length - cut} LAST\r\n{content[cut..]}"
            : $"BDAT {content.Length} LAST\r\n{content}";
        var output = await harness.ReplayAsync(
            "EHLO client.example\r\nMAIL FROM:<legit@clinic.example> BODY=8BITMIME\r\nRCPT TO:<victim@dest.example>\r\n" + chunks + "QUIT\r\n", mode);

        Assert.That(output, Does.EndWith("221 2.0.0 Bye\r\n"));
        AssertNotSmuggled(harness, output, vector, handling, refusalEnd: "\r\n", bodyEnd: "smuggled\r\n.\r\n", bodyEndWhy: "BDAT content is not dot-unstuffed");
    }

    /// <summary>The smuggled MAIL never reached the acceptor; <paramref name="replies"/> show the message refused
    /// (each refusal followed by <paramref name="refusalEnd"/>) or, when bare line endings are normalised, queued
    /// with the smuggled text as content ending in <paramref name="bodyEnd"/> and every line ending CRLF.</summary>
    private static void AssertNotSmuggled(
        SmtpHarness harness, string replies, string vector, BareLineEndingHandling handling, string refusalEnd, string bodyEnd, string? bodyEndWhy = null)
    {
        Assert.That(harness.Acceptor.Calls.Where(c => c.StartsWith("MAIL", StringComparison.Ordinal)), Is.EqualTo(new[] { "MAIL legit@clinic.example" }),
            "the smuggled MAIL must not reach the acceptor");
        Assert.That(harness.Acceptor.Calls.Count(c => c == "BEGIN"), Is.EqualTo(1));
        if (vector.Contains('\0', StringComparison.Ordinal))
        {
            Assert.That(replies, Does.Contain("550 5.6.0 Error: NUL character in message content" + refusalEnd), "NUL is refused in both modes");
            Assert.That(harness.Acceptor.Messages, Is.Empty);
        }
        else if (handling == BareLineEndingHandling.Reject)
        {
            Assert.That(replies, Does.Contain("550 5.6.0 Error: bare CR or LF in message content" + refusalEnd));
            Assert.That(harness.Acceptor.Messages, Is.Empty);
            Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
        }
        else
        {
            Assert.That(replies, Does.EndWith("250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
            var body = harness.Acceptor.Single().BodyText;
            Assert.That(body, Does.Contain("MAIL FROM:<admin@bank.example>\r\n"), "the smuggled text stays content");
            Assert.That(body, Does.EndWith(bodyEnd), bodyEndWhy ?? string.Empty);
            Assert.That(body.Replace("\r\n", "", StringComparison.Ordinal), Does.Not.Contain('\r').And.Not.Contain('\n'), "every line ending was made CRLF");
        }
    }

    [TestCaseSource(nameof(Modes))]
    public async Task DotCrLfAloneAtLineStartEndsData(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync("EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\n.\r\nQUIT\r\n", mode);
        Assert.That(output, Does.EndWith("354 End data with <CR><LF>.<CR><LF>\r\n250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Single().Body, Is.Empty);
    }

    [Test]
    public async Task BareLfIsNormalisedWhenConfigured()
    {
        var harness = new SmtpHarness(s => s.Limits.BareLineEndings = BareLineEndingHandling.Normalize);
        await harness.ReplayAsync("EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nA: 1\nB: 2\r\rbody\r\n.\r\nQUIT\r\n", Fragmentation.ByteByByte);
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("A: 1\r\nB: 2\r\n\r\nbody\r\n"));
    }
}
