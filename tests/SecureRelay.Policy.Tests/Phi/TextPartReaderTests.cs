using System.Text;
using MimeKit;
using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary><see cref="TextPartReader"/> (the extractor's direct decoding) yields exactly what
/// <see cref="TextPart.Text"/> yields, for every charset, transfer encoding and line-ending edge case,
/// and for every corpus message.</summary>
public class TextPartReaderTests
{
    private static readonly string?[] Charsets = [null, "utf-8", "UTF-8", "us-ascii", "iso-8859-1", "windows-1252", "iso-8859-15", "utf-16", "utf-7", "x-unknown"];

    private static readonly string[] TransferEncodings = ["7bit", "8bit", "binary", "quoted-printable", "base64"];

    private static readonly byte[][] Bodies =
    [
        [],
        Encoding.ASCII.GetBytes("Hello\r\nDOB 04/12/1961\r\n"),
        Encoding.ASCII.GetBytes("a\rb\r\r\nc\n\r\nd\r"),
        Encoding.ASCII.GetBytes("\r"),
        Encoding.ASCII.GetBytes("\r\n"),
        Encoding.ASCII.GetBytes("x\0y\r\r\r\n"),
        Encoding.UTF8.GetBytes("Jos\u00e9 M\u00fcller \u65e5\u672c \U0001F600\r\nMRN 00482913"),
        [0x4A, 0x6F, 0x73, 0xE9, 0x0D, 0x0A, 0x80, 0x9F, 0xFF],
        [0x61, 0x62, 0x63, 0xE6, 0x97],
        [0xEF, 0xBB, 0xBF, 0x68, 0x69, 0x0D, 0x0A],
        [0xFF, 0xFE, 0x68, 0x00, 0x0D, 0x00, 0x0A, 0x00],
        [0xFE, 0xFF, 0x00, 0x68],
        Encoding.ASCII.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Hi&amp;there</p>\r\n<br>DOB 04/12/1961</body></html>"),
        Encoding.ASCII.GetBytes("+AGEAYgBj- and +2D3eAA-"),
    ];

    private static byte[] Encode(byte[] body, string transferEncoding)
    {
        switch (transferEncoding)
        {
            case "base64":
                return Encoding.ASCII.GetBytes(Convert.ToBase64String(body, Base64FormattingOptions.InsertLineBreaks) + "\r\n");
            case "quoted-printable":
                var sb = new StringBuilder();
                for (var i = 0; i < body.Length; i++)
                {
                    sb.Append('=').Append(body[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    if (i % 20 == 19)
                    {
                        sb.Append("=\r\n");
                    }
                }

                return Encoding.ASCII.GetBytes(sb.Append("\r\n").ToString());
            default:
                return body;
        }
    }

    private static string Outcome(Func<ExtractedText> run)
    {
        try
        {
            var extracted = run();
            return "text:" + extracted.Text + "\nunreadable:" + string.Join(",", extracted.Unreadable);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return "throws:" + e.GetType().Name;
        }
    }

    private static void AssertSameAsMimeKit(MimeMessage message, string what)
    {
        var settings = PolicyTestData.Patient.Settings;
        var direct = Outcome(() => MessageTextExtractor.Extract(message, settings, ClassificationBudget.Unlimited, viaMimeKitText: false));
        var viaMimeKit = Outcome(() => MessageTextExtractor.Extract(message, settings, ClassificationBudget.Unlimited, viaMimeKitText: true));
        Assert.That(direct, Is.EqualTo(viaMimeKit), what);
    }

    [Test]
    public void EveryCharsetTransferEncodingAndLineEnding_ReadsAsTextPartText()
    {
        var cases = 0;
        var direct = 0;
        foreach (var subtype in new[] { "plain", "html" })
        {
            foreach (var charset in Charsets)
            {
                foreach (var transferEncoding in TransferEncodings)
                {
                    foreach (var body in Bodies)
                    {
                        var header = $"MIME-Version: 1.0\r\nContent-Type: text/{subtype}{(charset is null ? "" : "; charset=" + charset)}\r\nContent-Transfer-Encoding: {transferEncoding}\r\n\r\n";
                        var raw = Encoding.ASCII.GetBytes(header).Concat(Encode(body, transferEncoding)).ToArray();
                        using var stream = new MemoryStream(raw);
                        var message = MimeMessage.Load(stream);
                        AssertSameAsMimeKit(message, $"text/{subtype} charset={charset ?? "(none)"} {transferEncoding} body={Convert.ToHexString(body)}");
                        cases++;
                        direct += message.Body is TextPart part && TextPartReader.TryGetEncoding(part, out _, out _) ? 1 : 0;
                    }
                }
            }
        }

        Assert.That(cases, Is.EqualTo(2 * Charsets.Length * TransferEncodings.Length * Bodies.Length));
        Assert.That(direct, Is.GreaterThan(cases / 2), "most cases take the direct path");
    }

    [Test]
    public void BuiltInMemoryParts_ReadAsTextPartText()
    {
        foreach (var text in new[] { "", "plain", "a\r\nb\rc\r", "Jos\u00e9 \U0001F600" })
        {
            AssertSameAsMimeKit(PolicyTestData.Message(text), text);
            var latin = PolicyTestData.Message("");
            ((TextPart)latin.Body!).SetText(Encoding.Latin1, text);
            AssertSameAsMimeKit(latin, "latin1 " + text);
        }
    }

    [Test]
    public void CorpusMessages_ReadAsTextPartText()
    {
        var files = Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus"), "*.eml", SearchOption.AllDirectories);
        Assert.That(files, Has.Length.GreaterThan(300));
        foreach (var file in files)
        {
            AssertSameAsMimeKit(MimeMessage.Load(file), Path.GetFileName(file));
        }
    }

    [TestCase("", "")]
    [TestCase("abc", "abc")]
    [TestCase("a\r\nb", "a\nb")]
    [TestCase("a\rb", "a\rb")]
    [TestCase("a\r", "a")]
    [TestCase("\r\r\n", "\r\n")]
    [TestCase("\r\r", "\r")]
    [TestCase("\n\r\n\r", "\n\n")]
    public void CarriageReturns_DroppedLikeDos2UnixFilter(string input, string expected)
    {
        var chars = input.ToCharArray();
        var length = TextPartReader.DropCarriageReturns(chars);
        Assert.That(new string(chars, 0, length), Is.EqualTo(expected));
    }
}
