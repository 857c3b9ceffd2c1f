using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MimeKit;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace SecureRelay.Policy.Phi;

/// <summary>Collects the text of every MIME part the classifier can read: text/plain, text/html (tags
/// stripped), textual attachments (CSV, JSON, XML, HL7), PDF (PdfPig) and DOCX (Open XML SDK).
/// Every bound (depth, parts, characters, pages, time) throws <see cref="ClassificationFailedException"/>
/// so that the caller fails closed.</summary>
internal sealed class MessageTextExtractor
{
    private static readonly string[] TextualMediaSubtypes =
    [
        "json", "xml", "fhir+json", "fhir+xml", "hl7-v2", "x-hl7", "hl7v2", "hl7-v2+er7", "edi-x12", "csv", "x-csv",
        "rtf", "x-yaml", "yaml", "ld+json",
    ];

    /// <summary>Header fields that route, identify or frame a message. Every other field (a custom
    /// <c>X-</c> header an application adds, <c>Comments</c>, <c>Keywords</c>, <c>Content-Description</c>)
    /// travels as readable text, so it is classified like the subject — the same fields DSNs leave out.
    /// Addresses and their display names stay out: the addressee is told apart from the subject elsewhere.</summary>
    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Subject", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Date", "Message-ID", "In-Reply-To", "References",
        "MIME-Version", "Received", "Return-Path", "Content-Type", "Content-Transfer-Encoding", "Content-ID",
        "Content-Disposition", "Content-Language", "Content-Location", "DKIM-Signature", "ARC-Seal",
        "ARC-Message-Signature", "ARC-Authentication-Results", "Authentication-Results", "Received-SPF",
        "X-Mailer", "User-Agent", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "Precedence",
        "Auto-Submitted", "Importance", "Priority", "X-Priority", "Disposition-Notification-To",
        "Resent-Date", "Resent-From", "Resent-Sender", "Resent-To", "Resent-Cc", "Resent-Bcc", "Resent-Message-ID",
    };

    private static readonly string[] TextualExtensions = [".txt", ".csv", ".tsv", ".json", ".xml", ".hl7", ".er7", ".ccd", ".ccda", ".cda", ".log", ".md", ".htm", ".html", ".yaml", ".yml"];

    private readonly ClassifierLimits _limits;
    private readonly ClassificationBudget _budget;
    private readonly TextBuffer _text;
    private readonly bool _viaMimeKitText;
    private int _parts;

    private MessageTextExtractor(ClassifierSettings settings, ClassificationBudget budget, TextBuffer text, bool viaMimeKitText)
    {
        _limits = settings.Limits;
        _budget = budget;
        _text = text;
        _viaMimeKitText = viaMimeKitText;
    }

    /// <summary>The text of the subject and all readable parts, separated by blank lines.</summary>
    public static string Extract(MimeMessage message, ClassifierSettings settings, ClassificationBudget budget) =>
        Extract(message, settings, budget, viaMimeKitText: false);

    /// <summary>As <see cref="Extract(MimeMessage, ClassifierSettings, ClassificationBudget)"/>, optionally
    /// reading every text part through <see cref="TextPart.Text"/> instead of <see cref="TextPartReader"/>
    /// (tests prove the two equal).</summary>
    internal static string Extract(MimeMessage message, ClassifierSettings settings, ClassificationBudget budget, bool viaMimeKitText)
    {
        using var text = new TextBuffer();
        var extractor = new MessageTextExtractor(settings, budget, text, viaMimeKitText);
        extractor.Append(message.Subject);
        extractor.AppendHeaderText(message.Headers);
        extractor.Walk(message.Body, 1);
        return text.ToString();
    }

    /// <summary>Text of a PDF, page by page (public for tests and <c>policy test</c>).</summary>
    public static string ExtractPdf(byte[] pdf, int maxPages, ClassificationBudget budget)
    {
        var sb = new StringBuilder();
        using var document = PdfDocument.Open(pdf);
        if (document.NumberOfPages > maxPages)
        {
            throw new ClassificationFailedException("pdf_pages");
        }

        foreach (var page in document.GetPages())
        {
            budget.Check();
            sb.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Text of a DOCX: body, headers and footers, one line per paragraph.</summary>
    public static string ExtractDocx(byte[] docx, long maxChars, ClassificationBudget budget)
    {
        var sb = new StringBuilder();
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = maxChars });
        var main = document.MainDocumentPart ?? throw new ClassificationFailedException("docx_no_body");
        IEnumerable<DocumentFormat.OpenXml.OpenXmlElement?> roots =
            [main.Document?.Body, .. main.HeaderParts.Select(h => h.Header), .. main.FooterParts.Select(f => f.Footer)];
        foreach (var root in roots)
        {
            if (root is null)
            {
                continue;
            }

            foreach (var paragraph in root.Descendants<Paragraph>())
            {
                budget.Check();
                sb.Append(paragraph.InnerText).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>Visible text of an HTML document: scripts and styles dropped, block ends as line breaks,
    /// entities decoded.</summary>
    public static string StripHtml(string html)
    {
        var text = Patterns.HtmlScriptStyle().Replace(html, " ");
        text = Patterns.HtmlBreak().Replace(text, "\n");
        text = Patterns.HtmlTag().Replace(text, " ");
        return WebUtility.HtmlDecode(text);
    }

    private void Walk(MimeEntity? entity, int depth)
    {
        _budget.Check();
        if (entity is null)
        {
            return;
        }

        if (depth > _limits.MaxMimeDepth)
        {
            throw new ClassificationFailedException("mime_depth");
        }

        if (++_parts > _limits.MaxParts)
        {
            throw new ClassificationFailedException("mime_parts");
        }

        AppendHeaderText(entity.Headers);
        if (entity is MimePart { FileName: { } fileName })
        {
            Append(fileName);
        }

        switch (entity)
        {
            case Multipart { Count: 0 }:
                // A boundary that is never found (or not declared) leaves every part, encoded or not,
                // in the preamble: content we cannot take apart, so never clean.
                Unreadable();
                break;
            case Multipart multipart:
                // Preamble and epilogue travel with the message as readable text.
                Append(multipart.Preamble);
                foreach (var child in multipart)
                {
                    Walk(child, depth + 1);
                }

                Append(multipart.Epilogue);
                break;
            case MessagePart messagePart:
                if (messagePart.Message is null)
                {
                    Unreadable();
                    break;
                }

                Append(messagePart.Message.Subject);
                AppendHeaderText(messagePart.Message.Headers);
                Walk(messagePart.Message.Body, depth + 1);
                break;
            // Content.Encoding is how the stored bytes are encoded: base64 as received for a parsed message,
            // none for a part built in memory (which is encoded only when written).
            case MimePart { Content.Encoding: ContentEncoding.Base64 } base64 when HoldsTextBesideBase64(base64):
                // Readable text inside a base64 part (a close delimiter the parser did not take, text pasted
                // after the encoded block) decodes to noise while it travels readable: fail closed.
                Unreadable();
                break;
            case MimePart { Content.Encoding: ContentEncoding.UUEncode }:
                // x-uuencode decodes text that is not really uuencoded to noise while the text itself
                // travels readable: fail closed rather than classify the noise.
                Unreadable();
                break;
            case TextPart textPart:
                AppendTextPart(textPart);
                break;
            case MimePart part:
                ReadAttachment(part, depth);
                break;
            default:
                // message/partial, message/external-body and the like: content we cannot see.
                Unreadable();
                break;
        }
    }

    /// <summary>Appends what <c>Append(IsHtml ? StripHtml(Text) : Text)</c> appends, decoding plain text
    /// straight into the buffer when <see cref="TextPartReader"/> reproduces <see cref="TextPart.Text"/> exactly.</summary>
    private void AppendTextPart(TextPart part)
    {
        if (_viaMimeKitText || part.Content is not { } mimeContent || !TextPartReader.TryGetEncoding(part, out var encoding, out var declared))
        {
            AppendViaMimeKit(part);
            return;
        }

        var stream = mimeContent.Stream;
        using var decoded = new PooledByteStream(stream is { CanSeek: true } ? (int)Math.Min(stream.Length, Array.MaxLength) : 4096);
        mimeContent.DecodeTo(decoded, _budget.Token);
        var content = decoded.Written;
        if (!declared && TextPartReader.HasByteOrderMark(content))
        {
            AppendViaMimeKit(part);
            return;
        }

        var count = TextPartReader.CharCount(ref encoding, content);
        if (part.IsHtml)
        {
            var html = new char[count];
            var length = TextPartReader.Decode(encoding, content, html);
            Append(StripHtml(new string(html, 0, length)));
            return;
        }

        var written = TextPartReader.Decode(encoding, content, _text.GetSpan(count));
        if (written == 0)
        {
            return;
        }

        if (_text.Length + (long)written > _limits.MaxTextChars)
        {
            throw new ClassificationFailedException("text_limit");
        }

        _text.Advance(written);
        _text.Append("\n\n");
    }

    private void AppendViaMimeKit(TextPart part)
    {
        var body = part.Text ?? "";
        Append(part.IsHtml ? StripHtml(body) : body);
    }

    /// <summary>True when reading this message is text work only, which checks the budget as it goes: no
    /// PDF or DOCX part (their libraries may spend long inside one page or paragraph) and no encoded
    /// embedded message (its parts are known only once decoded). Such a message can be classified on
    /// the caller's thread; anything else runs where the time bound can abandon it.</summary>
    public static bool ReadsOnlyText(MimeMessage message, ClassifierLimits limits)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(limits);
        return ReadsOnlyText(message.Body, 1, limits.MaxMimeDepth);
    }

    private static bool ReadsOnlyText(MimeEntity? entity, int depth, int maxDepth) => depth <= maxDepth && entity switch
    {
        null or TextPart => true,
        Multipart multipart => multipart.All(child => ReadsOnlyText(child, depth + 1, maxDepth)),
        MessagePart messagePart => messagePart.Message is null || ReadsOnlyText(messagePart.Message.Body, depth + 1, maxDepth),
        MimePart part => DocumentKind(part) == Document.None && !IsEncodedMessage(part.ContentType),
        _ => true,
    };

    private enum Document
    {
        None,
        Pdf,
        Docx,
    }

    private static Document DocumentKind(MimePart part)
    {
        var extension = Path.GetExtension(part.FileName ?? "");
        var subtype = part.ContentType.MediaSubtype;
        if (subtype.Equals("pdf", StringComparison.OrdinalIgnoreCase) || extension.Equals(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return Document.Pdf;
        }

        return subtype.Equals("vnd.openxmlformats-officedocument.wordprocessingml.document", StringComparison.OrdinalIgnoreCase) || extension.Equals(".docx", StringComparison.OrdinalIgnoreCase)
            ? Document.Docx
            : Document.None;
    }

    private static bool IsEncodedMessage(ContentType type) => type.IsMimeType("message", "rfc822") || type.IsMimeType("message", "global");

    private void ReadAttachment(MimePart part, int depth)
    {
        var type = part.ContentType;
        var extension = Path.GetExtension(part.FileName ?? "").ToLowerInvariant();
        var subtype = type.MediaSubtype.ToLowerInvariant();
        var document = DocumentKind(part);
        var isPdf = document == Document.Pdf;
        var isDocx = document == Document.Docx;
        if (IsEncodedMessage(type))
        {
            // An embedded message sent with a (non-conforming) base64 or quoted-printable encoding.
            using var embedded = new MemoryStream(Decode(part), writable: false);
            MimeMessage inner;
            try
            {
                inner = MimeMessage.Load(embedded, _budget.Token);
            }
            catch (FormatException e)
            {
                throw new ClassificationFailedException("unreadable_message", e);
            }

            using (inner)
            {
                Append(inner.Subject);
                AppendHeaderText(inner.Headers);
                Walk(inner.Body, depth + 1);
            }

            return;
        }

        var isText = type.IsMimeType("text", "*") || TextualMediaSubtypes.Contains(subtype) || TextualExtensions.Contains(extension);
        if (!isPdf && !isDocx && !isText)
        {
            Unreadable();
            return;
        }

        var bytes = Decode(part);
        try
        {
            if (isPdf)
            {
                Append(ExtractPdf(bytes, _limits.MaxPdfPages, _budget));
            }
            else if (isDocx)
            {
                Append(ExtractDocx(bytes, _limits.MaxTextChars, _budget));
            }
            else
            {
                var charset = type.CharsetEncoding ?? Encoding.UTF8;
                var text = charset.GetString(bytes);
                Append(subtype.Contains("html", StringComparison.Ordinal) || extension is ".htm" or ".html" ? StripHtml(text) : text);
            }
        }
        catch (ClassificationFailedException)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A corrupt or encrypted document may hide PHI: fail closed, naming only the kind of part.
            throw new ClassificationFailedException(isPdf ? "unreadable_pdf" : isDocx ? "unreadable_docx" : "unreadable_text", e);
        }
    }

    private byte[] Decode(MimePart part)
    {
        if (part.Content is null)
        {
            return [];
        }

        using var output = new MemoryStream();
        try
        {
            part.Content.DecodeTo(output, _budget.Token);
        }
        catch (FormatException e)
        {
            throw new ClassificationFailedException("bad_transfer_encoding", e);
        }

        if (output.Length > _limits.MaxMessageBytes)
        {
            throw new ClassificationFailedException("part_too_large");
        }

        return output.ToArray();
    }

    /// <summary>Content a recipient may see but the classifier cannot read: never clean.</summary>
    private static void Unreadable() => throw new ClassificationFailedException("unreadable_part");

    /// <summary>True when the encoded content of a base64 part holds more than base64: a byte outside the
    /// alphabet, or a blank or tab that does not end its line.</summary>
    private static bool HoldsTextBesideBase64(MimePart part)
    {
        if (part.Content?.Stream is not { CanSeek: true } stream)
        {
            return part.Content is not null; // cannot look: treat as unreadable
        }

        stream.Position = 0;
        var buffer = new byte[8192];
        var blanks = false; // blanks seen since the last base64 character of this line
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, n))
            {
                if (b is (byte)'\r' or (byte)'\n')
                {
                    blanks = false;
                }
                else if (b is (byte)' ' or (byte)'\t')
                {
                    blanks = true;
                }
                else if (blanks || !(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/' or (byte)'='))
                {
                    stream.Position = 0;
                    return true;
                }
            }
        }

        stream.Position = 0;
        return false;
    }

    private void AppendHeaderText(HeaderList headers)
    {
        foreach (var header in headers)
        {
            if (!FramingHeaders.Contains(header.Field))
            {
                Append(header.Value);
            }
        }
    }

    private void Append(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (_text.Length + (long)text.Length > _limits.MaxTextChars)
        {
            throw new ClassificationFailedException("text_limit");
        }

        _text.Append(text);
        _text.Append("\n\n");
    }
}
