using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>SMTP smuggling: only CRLF "." CRLF ends DATA. Each vector is followed by a smuggled second
/// transaction; it must stay message content (or get the message refused) and never run as commands.</summary>
[TestFixture]
public sealed class SmugglingTests
{
    public static readonly object[] Vectors =
    [
        new object[] { "LF.LF", "\n.\n" },
        new object[] { "CR.CR", "\r.\r" },
        new object[] { "LF.CRLF", "\n.\r\n" },
        new object[] { "CRLF.CR", "\r\n.\r" },
        new object[] { "CRLF-NUL.CRLF", "\r\n\0.\r\n" },
    ];

    private static readonly Fragmentation[] Modes = [Fragmentation.Whole, Fragmentation.LineByLine, Fragmentation.ByteByByte];

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

        Assert.That(harness.Acceptor.Calls.Where(c => c.StartsWith("MAIL", StringComparison.Ordinal)), Is.EqualTo(new[] { "MAIL legit@clinic.example" }),
            "the smuggled MAIL must not reach the acceptor");
        Assert.That(harness.Acceptor.Calls.Count(c => c == "BEGIN"), Is.EqualTo(1));
        var afterData = output[(output.IndexOf("354 ", StringComparison.Ordinal) + 1)..];
        if (handling == BareLineEndingHandling.Reject && vector != "\r\n\0.\r\n")
        {
            Assert.That(afterData, Does.Contain("550 5.6.0 Error: bare CR or LF in message content\r\n221 2.0.0 Bye\r\n"));
            Assert.That(harness.Acceptor.Messages, Is.Empty);
            Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
        }
        else
        {
            Assert.That(afterData, Does.EndWith("250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));
            var body = harness.Acceptor.Single().BodyText;
            Assert.That(body, Does.Contain("MAIL FROM:<admin@bank.example>\r\n"), "the smuggled text stays content");
            Assert.That(body, Does.EndWith("smuggled\r\n"));
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
