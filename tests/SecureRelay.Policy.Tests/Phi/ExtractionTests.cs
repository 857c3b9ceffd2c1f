using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MimeKit;
using SecureRelay.Policy.Phi;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using static SecureRelay.Policy.Tests.PolicyTestData;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Reading MIME parts (HTML, PDF, DOCX, textual attachments) and failing closed on bad input.</summary>
public class ExtractionTests
{
    internal static byte[] Pdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var y = 780.0;
        foreach (var line in lines)
        {
            page.AddText(line, 11, new PdfPoint(40, y), font);
            y -= 16;
        }

        return builder.Build();
    }

    internal static byte[] Docx(params string[] lines)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(lines.Select(l => new Paragraph(new Run(new Text(l))))));
        }

        return stream.ToArray();
    }

    /// <summary>What the extractor reads from a message with one attachment.</summary>
    internal static ExtractedText ExtractAttachment(string fileName, string mediaType, byte[] content) =>
        MessageTextExtractor.Extract(WithAttachment("See attached.", fileName, mediaType, content), Patient.Settings, ClassificationBudget.Unlimited);

    private const string PhiLines = "Patient: Jane Roe|DOB: 04/12/1961|MRN: 00482913";

    [Test]
    public async Task Pdf_TextIsRead()
    {
        var pdf = Pdf(PhiLines.Split('|'));
        Assert.That(ExtractAttachment("r.pdf", "application/pdf", pdf), Has.Property("Text").Contains("DOB: 04/12/1961").And.Property("Unreadable").Empty);
        var c = await Classify(WithAttachment("See attached.", "report.pdf", "application/pdf", pdf));
        Assert.That(c.IsPhi, Is.True);
        Assert.That(c.Detectors, Does.Contain("dob").And.Contain("mrn"));
        var clean = await Classify(WithAttachment("See attached.", "invoice.pdf", "application/octet-stream", Pdf("Invoice 4471", "Total $120.00")));
        Assert.That(clean.IsPhi, Is.False, clean.ToString());
    }

    [Test]
    public async Task Docx_TextIsRead()
    {
        var docx = Docx(PhiLines.Split('|'));
        Assert.That(ExtractAttachment("r.docx", "application/octet-stream", docx), Has.Property("Text").Contains("MRN: 00482913").And.Property("Unreadable").Empty);
        var c = await Classify(WithAttachment("Letter attached.", "letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx));
        Assert.That(c.Detectors, Does.Contain("dob").And.Contain("mrn"));
        var clean = await Classify(WithAttachment("Minutes attached.", "minutes.docx", "application/octet-stream", Docx("Staff meeting", "Parking update")));
        Assert.That(clean.IsPhi, Is.False);
    }

    [Test]
    public async Task Html_TagsStripped_ScriptsIgnored_CommentsKept()
    {
        var message = Message("");
        message.Body = new TextPart("html") { Text = "<table><tr><td>DOB</td><td>04/12/1961</td></tr></table>" };
        Assert.That((await Classify(message)).Detectors, Does.Contain("dob"));
        message.Body = new TextPart("html") { Text = "<p>Hello</p><script>var dob = 'DOB 04/12/1961';</script><style>.mrn{}</style>" };
        Assert.That((await Classify(message)).IsPhi, Is.False);
        Assert.That(MessageTextExtractor.StripHtml("<p>A&amp;B</p><!-- MRN 12345678 -->"), Does.Contain("A&B").And.Contain("MRN 12345678"));
    }

    [Test]
    public async Task TextualAttachments_AndEmbeddedMessages_AreRead()
    {
        var hl7 = Utf8("MSH|^~\\&|A|B|C|D|2025||ADT^A01|1|P|2.5\rPID|1||123^^^A^MR||Roe^Jane");
        Assert.That((await Classify(WithAttachment("x", "a.bin", "application/hl7-v2", hl7))).Detectors, Does.Contain("hl7v2"));
        Assert.That((await Classify(WithAttachment("x", "list.csv", "application/octet-stream", Utf8("name,dob\nJane Roe,1961-04-12")))).Detectors, Does.Contain("phi_table"));

        var outer = Message("Forwarding.");
        var mixed = new Multipart("mixed") { new TextPart("plain") { Text = "Forwarding." }, new MessagePart { Message = Message("MRN: 00482913") } };
        outer.Body = mixed;
        Assert.That((await Classify(outer)).Detectors, Does.Contain("mrn"));
    }

    [Test]
    public async Task CorruptPdfOrDocx_AreUnreadable()
    {
        var pdf = await Classify(WithAttachment("x", "r.pdf", "application/pdf", Utf8("%PDF-1.7 this is not really a pdf")));
        Assert.That((pdf.Verdict, pdf.Detectors[0]), Is.EqualTo((PhiVerdict.Uncertain, "unreadable:unreadable_pdf")));
        var docx = await Classify(WithAttachment("x", "r.docx", "application/octet-stream", [0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
        Assert.That((docx.Verdict, docx.Detectors[0]), Is.EqualTo((PhiVerdict.Uncertain, "unreadable:unreadable_docx")));
    }

    [Test]
    public async Task Timeout_FailsClosed()
    {
        var policy = PolicyCompiler.Parse("classifier:\n  limits: { timeout_ms: 1 }\n", "p.yaml");
        var big = string.Concat(Enumerable.Repeat("Nothing to see here, order 12345 shipped on 04/12/2024.\n", 60_000));
        using var stream = ToStream(Message(big));
        var c = await policy.Classifier.ClassifyAsync(stream, Envelope());
        Assert.That((c.Verdict, c.Source, c.Detectors[0]), Is.EqualTo((PhiVerdict.Uncertain, ClassificationSource.Failure, "failure:timeout")));
    }

    [Test]
    public void SmallTextMessage_IsClassifiedOnTheCallersThread()
    {
        // No thread hop and no timer for the common case: the task is already complete when returned.
        using var stream = ToStream(Message("Patient: Jane Roe\nDOB: 04/12/1961\nMRN: 00482913"));
        var task = Patient.ClassifyAsync(stream, Envelope());
        Assert.That(task.IsCompletedSuccessfully, Is.True);
        Assert.That(task.Result.IsProtected, Is.True, task.Result.ToString());
    }

    [Test]
    public void OnlyTextWork_IsDoneInline()
    {
        var limits = PhiClassifier.Default.Settings.Limits;
        bool Inline(MimeMessage m) => MessageTextExtractor.ReadsOnlyText(m, limits);

        var alternative = new MultipartAlternative { new TextPart("plain") { Text = "a" }, new TextPart("html") { Text = "<p>a</p>" } };
        var withText = Message("");
        withText.Body = alternative;
        Assert.That(Inline(withText), Is.True);
        Assert.That(Inline(WithAttachment("x", "notes.csv", "text/csv", Utf8("a,b"))), Is.True);
        var forwarded = Message("");
        forwarded.Body = new Multipart("mixed") { new TextPart("plain") { Text = "fwd" }, new MessagePart { Message = Message("inner") } };
        Assert.That(Inline(forwarded), Is.True);

        Assert.That(Inline(WithAttachment("x", "r.pdf", "application/pdf", [1])), Is.False, "PDF");
        Assert.That(Inline(WithAttachment("x", "r.PDF", "application/octet-stream", [1])), Is.False, "PDF by name");
        Assert.That(Inline(WithAttachment("x", "r.docx", "application/octet-stream", [1])), Is.False, "DOCX by name");
        // What the parser makes of a message/rfc822 part sent base64-encoded (not conforming, but seen).
        var encodedMessage = Message("");
        encodedMessage.Body = new Multipart("mixed")
        {
            new MimePart("message", "rfc822") { Content = new MimeContent(new MemoryStream(Utf8("Subject: s\r\n\r\nbody"))), ContentTransferEncoding = ContentEncoding.Base64 },
        };
        Assert.That(Inline(encodedMessage), Is.False, "encoded message/rfc822");
        var nestedPdf = Message("");
        nestedPdf.Body = new Multipart("mixed") { new MessagePart { Message = WithAttachment("x", "r.pdf", "application/pdf", [1]) } };
        Assert.That(Inline(nestedPdf), Is.False, "PDF inside a forwarded message");
    }

    [TestCase("classifier:\n  limits: { max_text_chars: 50 }\n", "failure:text_limit")]
    [TestCase("classifier:\n  limits: { max_message_bytes: 400 }\n", "failure:message_too_large")]
    public async Task Limits_FailClosed(string yaml, string reason)
    {
        var policy = PolicyCompiler.Parse(yaml, "p.yaml");
        using var stream = ToStream(Message(new string('x', 600)));
        var c = await policy.Classifier.ClassifyAsync(stream, Envelope());
        Assert.That((c.Verdict, c.Detectors[0]), Is.EqualTo((PhiVerdict.Uncertain, reason)));
    }

    [Test]
    public async Task MimeDepth_FailsClosed()
    {
        MimeEntity body = new TextPart("plain") { Text = "hello" };
        for (var i = 0; i < 12; i++)
        {
            body = new Multipart("mixed") { body };
        }

        var message = Message("");
        message.Body = body;
        using var stream = ToStream(message);
        var c = await PhiClassifier.Default.ClassifyAsync(stream, Envelope());
        Assert.That((c.Verdict, c.Detectors[0]), Is.EqualTo((PhiVerdict.Uncertain, "failure:mime_depth")));
    }

    [Test]
    public async Task UnreadableAttachments_AreAlwaysReported()
    {
        // Never silently clean: an image may be a scanned referral, whatever unreadable_is_phi says.
        var png = WithAttachment("Logo attached.", "logo.png", "image/png", [0x89, 0x50, 0x4e, 0x47]);
        var c = await Classify(png);
        Assert.That((c.Verdict, c.Detectors), Is.EqualTo((PhiVerdict.Uncertain, new[] { "unreadable:image" })));

        // The old switch that let unreadable content count as clean is gone: the key is refused.
        Assert.That(() => PolicyCompiler.Parse("classifier:\n  unreadable_is_phi: false\n", "p.yaml"),
            Throws.TypeOf<SecureRelay.Policy.Yaml.ConfigurationException>().With.Message.Contains("unreadable_is_phi"));
    }
}
