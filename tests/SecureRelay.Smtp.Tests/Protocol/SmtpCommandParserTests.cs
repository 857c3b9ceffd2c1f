using System.Buffers;
using System.Text;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Smtp.Tests.Protocol;

[TestFixture]
internal sealed class SmtpCommandParserTests
{
    private static SmtpCommand Parse(string line)
    {
        Assert.That(SmtpCommandParser.TryParse(line, out var command, out var error), Is.True, $"{line} -> {error}");
        return command;
    }

    private static SmtpReply Fail(string line)
    {
        Assert.That(SmtpCommandParser.TryParse(line, out _, out var error), Is.False, line);
        return error;
    }

    [Test]
    public void LineSplitAcrossSegmentsParsesTheSame()
    {
        var bytes = Encoding.UTF8.GetBytes("MAIL FROM:<jörg@example.com> SMTPUTF8 SIZE=10");
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var first = new Segment(bytes.AsMemory(0, cut));
            var last = first.Append(bytes.AsMemory(cut));
            var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
            Assert.That(SmtpCommandParser.TryParse(sequence, out var command, out _), Is.True);
            Assert.That(command.Path, Is.EqualTo("jörg@example.com"));
            Assert.That(command.Parameters, Has.Count.EqualTo(2));
        }
    }

    [TestCase("EHLO mail.example.com", "mail.example.com")]
    [TestCase("ehlo [192.0.2.1]", "[192.0.2.1]")]
    [TestCase("EHLO [IPv6:2001:db8::1]", "[IPv6:2001:db8::1]")]
    [TestCase("HELO my_host", "my_host")]
    public void HelloArguments(string line, string expected) => Assert.That(Parse(line).Argument, Is.EqualTo(expected));

    [TestCase("EHLO")]
    [TestCase("EHLO two words")]
    [TestCase("EHLO [999.1.1.1]")]
    [TestCase("EHLO [1.2.3]")]
    [TestCase("EHLO host(comment)")]
    [TestCase("EHLO host;evil")]
    public void BadHelloArguments(string line) => Assert.That(Fail(line).Code, Is.EqualTo(501));

    [TestCase("MAIL FROM:<>", "")]
    [TestCase("MAIL FROM:<a@b.example>", "a@b.example")]
    [TestCase("MAIL FROM: <a@b.example>", "a@b.example")]
    [TestCase("mail from:<A.B+tag@Sub.B.example>", "A.B+tag@Sub.B.example")]
    [TestCase("MAIL FROM:<\"quoted local\"@b.example>", "\"quoted local\"@b.example")]
    [TestCase("MAIL FROM:<@relay1.example,@relay2.example:a@b.example>", "a@b.example")]
    [TestCase("MAIL FROM:<user@[192.0.2.7]>", "user@[192.0.2.7]")]
    public void ReversePaths(string line, string path) => Assert.That(Parse(line).Path, Is.EqualTo(path));

    [TestCase("MAIL FROM:a@b.example")]
    [TestCase("MAIL FROM:<a@b.example")]
    [TestCase("MAIL FROM:<a@>")]
    [TestCase("MAIL FROM:<@b.example>")]
    [TestCase("MAIL FROM:<a..b@b.example>")]
    [TestCase("MAIL FROM:<a@-b.example>")]
    [TestCase("MAIL FROM:<a@b-.example>")]
    [TestCase("MAIL FROM:<a b@b.example>")]
    [TestCase("MAIL FROM:<\"unterminated@b.example>")]
    public void BadReversePaths(string line) => Assert.That(Fail(line), Is.EqualTo(new SmtpReply(501, "5.1.7", "Bad sender address syntax")));

    [Test]
    public void PathLengthLimitsFromRfc5321()
    {
        Assert.That(Fail($"RCPT TO:<{new string('a', 65)}@b.example>").EnhancedCode, Is.EqualTo("5.1.3"), "local-part > 64");
        Assert.That(Parse($"RCPT TO:<{new string('a', 64)}@b.example>").Path, Does.StartWith("aaaa"));
        Assert.That(Fail($"RCPT TO:<a@{new string('b', 64)}.example>").EnhancedCode, Is.EqualTo("5.1.3"), "label > 63");
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 3)) + ".example"; // 190
        Assert.That(Fail($"RCPT TO:<{new string('a', 64)}@{domain}>").EnhancedCode, Is.EqualTo("5.1.3"), "path 257 > 256");
        Assert.That(Parse($"RCPT TO:<{new string('a', 63)}@{domain}>").Path, Has.Length.EqualTo(254), "path 256 is fine");
    }

    [Test]
    public void InternationalAddressesAreFlagged()
    {
        var command = Parse("RCPT TO:<δοκιμή@παράδειγμα.example>");
        Assert.That(command.PathIsInternational, Is.True);
        Assert.That(Parse("RCPT TO:<plain@example.com>").PathIsInternational, Is.False);
    }

    [Test]
    public void PostmasterWithoutDomain()
    {
        Assert.That(Parse("RCPT TO:<Postmaster>").Path, Is.EqualTo("Postmaster"));
        Assert.That(Parse("RCPT TO:<postmaster> NOTIFY=NEVER").Parameters.Single().Key, Is.EqualTo("NOTIFY"));
    }

    [Test]
    public void ParametersFollowEsmtpParamSyntax()
    {
        var command = Parse("MAIL FROM:<a@b.example> size=100 BODY=8BITMIME SMTPUTF8");
        Assert.That(command.Parameters, Is.EqualTo(new[]
        {
            new KeyValuePair<string, string?>("SIZE", "100"),
            new KeyValuePair<string, string?>("BODY", "8BITMIME"),
            new KeyValuePair<string, string?>("SMTPUTF8", null),
        }));
        Assert.That(Fail("MAIL FROM:<a@b.example> -BAD=1").Code, Is.EqualTo(501));
        Assert.That(Fail("MAIL FROM:<a@b.example> SIZE=").Code, Is.EqualTo(501));
        Assert.That(Fail("MAIL FROM:<a@b.example> X=a=b").Code, Is.EqualTo(501));
        Assert.That(Fail("MAIL FROM:<a@b.example>SIZE=1").Code, Is.EqualTo(501));
        Assert.That(Fail("MAIL FROM:<a@b.example> SIZE=1 size=2"), Is.EqualTo(new SmtpReply(501, "5.5.4", "Duplicate parameter SIZE")));
    }

    [Test]
    public void BdatAndAuth()
    {
        var bdat = Parse("BDAT 1024");
        Assert.That((bdat.Verb, bdat.ChunkSize), Is.EqualTo((SmtpVerb.Bdat, 1024L)));
        var last = Parse("bdat 0 last");
        Assert.That((last.Verb, last.ChunkSize), Is.EqualTo((SmtpVerb.BdatLast, 0L)));
        Assert.That(Fail("BDAT 1234567890123456789").Code, Is.EqualTo(501), "more than 18 digits");
        Assert.That(Fail("BDAT -1").Code, Is.EqualTo(501));

        var auth = Parse("AUTH plain dGVzdA==");
        Assert.That((auth.Mechanism, auth.InitialResponse), Is.EqualTo(("PLAIN", "dGVzdA==")));
        Assert.That(Parse("AUTH LOGIN").InitialResponse, Is.Null);
        Assert.That(Fail("AUTH").Code, Is.EqualTo(501));
    }

    [TestCase("DATA x")]
    [TestCase("QUIT now")]
    [TestCase("STARTTLS please")]
    [TestCase("VRFY")]
    public void ArgumentsWhereNoneAreAllowed(string line) => Assert.That(Fail(line), Is.EqualTo(SmtpCommandParser.SyntaxError));

    [Test]
    public void ControlCharactersAndInvalidUtf8AreRefused()
    {
        Assert.That(Fail("NOOP a\0b").Code, Is.EqualTo(500));
        Assert.That(Fail("NOOP a\rb").Code, Is.EqualTo(500));
        var invalid = new byte[] { (byte)'N', (byte)'O', (byte)'O', (byte)'P', (byte)' ', 0xC3, 0x28 };
        Assert.That(SmtpCommandParser.TryParse(new ReadOnlySequence<byte>(invalid), out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(new SmtpReply(500, "5.5.2", "Error: invalid UTF-8 in command")));
    }

    [TestCase("", "")]
    [TestCase("plain", "plain")]
    [TestCase("a+2Bb", "a+b")]
    [TestCase("a+3Db+20c", "a=b c")]
    public void XTextDecodes(string input, string expected) => Assert.That(XText.Decode(input), Is.EqualTo(expected));

    [TestCase("a+2b")]
    [TestCase("a+2")]
    [TestCase("a=b")]
    [TestCase("a b")]
    [TestCase("ä")]
    public void XTextRejects(string input) => Assert.That(XText.Decode(input), Is.Null);

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
