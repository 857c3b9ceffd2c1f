using System.Text;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Smtp.Tests.Protocol;

[TestFixture]
internal sealed class MessageContentScannerTests
{
    private static (string Output, ScanStatus Status, int Consumed, MessageContentScanner Scanner) Run(string input, IEnumerable<int> cuts, SmtpLimits? limits = null, bool dotStuffed = true, int outputSize = 64)
    {
        var scanner = new MessageContentScanner(dotStuffed, limits ?? new SmtpLimits());
        var bytes = Encoding.UTF8.GetBytes(input);
        var output = new List<byte>();
        var block = new byte[outputSize];
        var consumedTotal = 0;
        var status = ScanStatus.NeedMoreInput;
        var start = 0;
        foreach (var end in cuts.Append(bytes.Length).Where(c => c > 0 && c <= bytes.Length).Distinct().Order())
        {
            var piece = bytes.AsSpan(start, end - start);
            while (!piece.IsEmpty)
            {
                status = scanner.Scan(piece, block, out var used, out var written);
                output.AddRange(block.AsSpan(0, written).ToArray());
                piece = piece[used..];
                consumedTotal += used;
                if (status == ScanStatus.EndOfData)
                {
                    return (Encoding.UTF8.GetString(output.ToArray()), status, consumedTotal, scanner);
                }
            }

            start = end;
        }

        return (Encoding.UTF8.GetString(output.ToArray()), status, consumedTotal, scanner);
    }

    [Test]
    public void UnstuffsAndStopsExactlyAfterTheTerminator()
    {
        var (output, status, consumed, scanner) = Run("a\r\n..b\r\n.c\r\n.\r\nMAIL FROM:<x@y>\r\n", []);
        Assert.That(status, Is.EqualTo(ScanStatus.EndOfData));
        Assert.That(output, Is.EqualTo("a\r\n.b\r\nc\r\n"));
        Assert.That(consumed, Is.EqualTo("a\r\n..b\r\n.c\r\n.\r\n".Length));
        Assert.That(scanner.ReceivedBytes, Is.EqualTo("a\r\n..b\r\n.c\r\n".Length));
    }

    [Test]
    public void EveryFragmentationGivesTheSameResult()
    {
        var input = "Subject: x\r\n\r\n..a\r\n.\rb\r\n\n.\n\r\n.x\r\n\r\n\0.\r\nend\r\n.\r\nQUIT\r\n";
        var limits = new SmtpLimits { BareLineEndings = BareLineEndingHandling.Normalize };
        var reference = Run(input, [], limits);
        Assert.That(reference.Status, Is.EqualTo(ScanStatus.EndOfData));
        var random = new Random(5321);
        for (var trial = 0; trial < 300; trial++)
        {
            var cuts = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(1, input.Length)).ToArray();
            var result = Run(input, cuts, limits, outputSize: random.Next(3, 16));
            Assert.That((result.Output, result.Consumed, result.Scanner.ReceivedBytes), Is.EqualTo((reference.Output, reference.Consumed, reference.Scanner.ReceivedBytes)), string.Join(",", cuts));
        }

        for (var cut = 1; cut < input.Length; cut++)
        {
            Assert.That(Run(input, [cut], limits).Output, Is.EqualTo(reference.Output));
        }
    }

    [TestCase("\n.\n")]
    [TestCase("\r.\r")]
    [TestCase("\n.\r\n")]
    [TestCase("\r\n.\r")]
    [TestCase("\r\n\0.\r\n")]
    public void SmugglingVectorsNeverEndData(string vector)
    {
        foreach (var handling in new[] { BareLineEndingHandling.Reject, BareLineEndingHandling.Normalize })
        {
            var limits = new SmtpLimits { BareLineEndings = handling };
            var input = "x" + vector + "MAIL FROM:<a@b>\r\n";
            for (var cut = 0; cut < input.Length; cut++)
            {
                var (_, status, consumed, _) = Run(input, [cut], limits);
                Assert.That(status, Is.EqualTo(ScanStatus.NeedMoreInput), $"{handling} cut {cut}");
                Assert.That(consumed, Is.EqualTo(input.Length));
            }
        }
    }

    [Test]
    public void ViolationsAreRecordedOnce()
    {
        var reject = new SmtpLimits { BareLineEndings = BareLineEndingHandling.Reject };
        Assert.That(Run("a\nb\r\n.\r\n", [], reject).Scanner.Violation, Is.EqualTo(ContentViolation.BareLineEnding));
        Assert.That(Run("a\rb\r\n.\r\n", [], reject).Scanner.Violation, Is.EqualTo(ContentViolation.BareLineEnding));
        Assert.That(Run("a\nb\r\n.\r\n", []).Scanner.Violation, Is.EqualTo(ContentViolation.None), "normalized by default");
        Assert.That(Run("a\r\n\0b\r\n.\r\n", []).Scanner.Violation, Is.EqualTo(ContentViolation.Nul));
        var nul = Run("a\0b\r\n.\r\n", [], dotStuffed: false);
        Assert.That(nul.Scanner.Violation, Is.EqualTo(ContentViolation.Nul), "BDAT content too");
        Assert.That(nul.Output, Does.Not.Contain('\0'));
        Assert.That(Run("a\r\nb\r\n.\r\n", []).Scanner.Violation, Is.EqualTo(ContentViolation.None));
        Assert.That(Run(new string('x', 1001) + "\r\n.\r\n", [], new SmtpLimits { DataLineLength = 1000 }).Scanner.Violation, Is.EqualTo(ContentViolation.LineTooLong));
        Assert.That(Run(new string('x', 1000) + "\r\n.\r\n", [], new SmtpLimits { DataLineLength = 1000 }).Scanner.Violation, Is.EqualTo(ContentViolation.None));
        var big = Run(string.Concat(Enumerable.Repeat("0123456789\r\n", 100)) + ".\r\n", [], new SmtpLimits { MessageSize = 1024 });
        Assert.That(big.Scanner.Violation, Is.EqualTo(ContentViolation.SizeExceeded));
        Assert.That(big.Status, Is.EqualTo(ScanStatus.EndOfData), "the end is still found after a violation");
    }

    [Test]
    public void EightBitIsNoticed()
    {
        Assert.That(Run("caf\u00e9\r\n.\r\n", []).Scanner.SawEightBit, Is.True);
        Assert.That(Run("cafe\r\n.\r\n", []).Scanner.SawEightBit, Is.False);
    }

    [Test]
    public void ChunkFramingNeverEndsAndKeepsDots()
    {
        var (output, status, _, _) = Run("a\r\n.\r\n..b\r\n", [], dotStuffed: false);
        Assert.That(status, Is.EqualTo(ScanStatus.NeedMoreInput));
        Assert.That(output, Is.EqualTo("a\r\n.\r\n..b\r\n"));
    }
}
