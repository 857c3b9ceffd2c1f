using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using SecureRelay.Policy.Phi.Extraction;

namespace SecureRelay.Policy.Phi;

/// <summary>Collects the text of everything a recipient's client could show, and reports what it could not
/// read. Text: the subject and every header that is not routing or trace (address headers by display
/// name), every multipart's preamble and epilogue, text parts (HTML as rows and lines, comments kept),
/// calendars, RTF, textual attachments, PDF, DOCX, XLSX and ZIP (readers under
/// <see cref="Extraction"/>), and the raw text of a part whose transfer encoding or charset does not decode
/// cleanly; images and scanned PDF pages by OCR (<see cref="Extraction.Ocr"/>). Unreadable: images OCR cannot read, media, encrypted or opaque parts, partial and external bodies, scanned or
/// encrypted PDFs, unknown binaries, documents past the decompression caps. Global bounds (depth, parts,
/// characters, pages, time) throw <see cref="ClassificationFailedException"/> so that the caller fails closed.</summary>
internal sealed class MessageTextExtractor
{
    /// <summary>Routing, trace and structure headers: written by servers or the MIME machinery, shown by no
    /// client as message text. Every other header is read (Subject separately, first).</summary>
    private static readonly HashSet<string> SkippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Subject", "Received", "Received-SPF", "Return-Path", "Delivered-To", "X-Original-To", "DKIM-Signature", "DomainKey-Signature",
        "X-Google-DKIM-Signature", "Authentication-Results", "Message-ID", "References", "In-Reply-To", "MIME-Version", "Date",
        "Resent-Date", "Resent-Message-ID",
    };

    private static readonly HashSet<string> AddressHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Reply-To", "Sender", "Resent-From", "Resent-To", "Resent-Cc", "Resent-Bcc", "Resent-Sender",
        "Disposition-Notification-To",
    };

    private static readonly SearchValues<byte> Base64Bytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/= \t\r\n"u8);

    private static readonly ConcurrentDictionary<int, bool> AsciiCompatible = new();

    private const string PgpArmor = "-----BEGIN PGP MESSAGE-----";

    private readonly ClassifierLimits _limits;
    private readonly Extraction.Ocr.OcrSettings _ocr;
    private readonly ClassificationBudget _budget;
    private readonly TextBuffer _text;
    private readonly bool _viaMimeKitText;
    private List<string>? _unreadable;
    private List<Range>? _headers;
    private DocumentContext? _documents;
    private int _parts;

    static MessageTextExtractor() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private MessageTextExtractor(ClassifierSettings settings, ClassificationBudget budget, TextBuffer text, bool viaMimeKitText)
    {
        _limits = settings.Limits;
        _ocr = settings.Ocr;
        _budget = budget;
        _text = text;
        _viaMimeKitText = viaMimeKitText;
    }

    private DocumentContext Documents => _documents ??= new DocumentContext(_limits, _budget, Unreadable, _ocr);

    /// <summary>The text of the message and the reasons for what could not be read.</summary>
    public static ExtractedText Extract(MimeMessage message, ClassifierSettings settings, ClassificationBudget budget) =>
        Extract(message, settings, budget, viaMimeKitText: false);

    /// <summary>As <see cref="Extract(MimeMessage, ClassifierSettings, ClassificationBudget)"/>, optionally
    /// reading every text part through <see cref="TextPart.Text"/> instead of <see cref="TextPartReader"/>
    /// (tests prove the two equal).</summary>
    internal static ExtractedText Extract(MimeMessage message, ClassifierSettings settings, ClassificationBudget budget, bool viaMimeKitText)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var text = new TextBuffer();
        var extractor = new MessageTextExtractor(settings, budget, text, viaMimeKitText);
        try
        {
            extractor.Append(message.Subject);
            extractor.AppendHeaders(message.Headers, part: false);
            extractor.Walk(message.Body, 1);
        }
        finally
        {
            // Releases the document slot: nothing of this message is parsed after the call returns.
            extractor._documents?.Dispose();
        }

        return new ExtractedText(text.ToString(), extractor._unreadable ?? (IReadOnlyList<string>)[]) { Headers = extractor._headers ?? [] };
    }

    /// <summary>Visible text of an HTML document (see <see cref="HtmlText"/>).</summary>
    public static string StripHtml(string html) => HtmlText.ToText(html);

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

        AppendHeaders(entity.Headers, part: true);
        if (entity is MimePart { FileName: { } fileName })
        {
            Append(fileName);
        }

        switch (entity)
        {
            case MultipartEncrypted:
                Unreadable("encrypted_part");
                break;
            case Multipart multipart:
                // A multipart with no boundary parameter has no children: MimeKit keeps its whole body as
                // the preamble, which is what a lenient client shows.
                Append(multipart.Preamble);
                foreach (var child in multipart)
                {
                    Walk(child, depth + 1);
                }

                Append(multipart.Epilogue);
                break;
            case MessagePart messagePart when messagePart.ContentType.IsMimeType("message", "external-body"):
                Unreadable("external_body");
                break;
            case MessagePart messagePart:
                if (messagePart.Message is null)
                {
                    Unreadable("unreadable_message");
                    break;
                }

                Append(messagePart.Message.Subject);
                AppendHeaders(messagePart.Message.Headers, part: false);
                Walk(messagePart.Message.Body, depth + 1);
                break;
            case MessagePartial:
                Unreadable("message_partial");
                break;
            case ApplicationPkcs7Mime pkcs7:
                Unreadable(pkcs7.SecureMimeType is SecureMimeType.EnvelopedData or SecureMimeType.AuthEnvelopedData or SecureMimeType.Unknown ? "encrypted_part" : "opaque_signed");
                break;
            case ApplicationPkcs7Signature or ApplicationPgpSignature:
                // A detached signature: no content of its own.
                break;
            case ApplicationPgpEncrypted:
                Unreadable("encrypted_part");
                break;
            case TextPart textPart when !IsDocumentAttachment(textPart):
                CheckTransferEncoding(textPart);
                AppendText(textPart);
                break;
            case MimePart part:
                CheckTransferEncoding(part);
                ReadAttachment(part, depth);
                break;
            default:
                Unreadable("unknown_type");
                break;
        }
    }

    /// <summary>Headers a client may show: all but routing, trace and (in parts) the Content-* structure;
    /// address headers by display name only.</summary>
    private void AppendHeaders(HeaderList headers, bool part)
    {
        var start = _text.Length;
        AppendHeaderText(headers, part);
        if (_text.Length > start)
        {
            (_headers ??= []).Add(start.._text.Length);
        }
    }

    private void AppendHeaderText(HeaderList headers, bool part)
    {
        foreach (var header in headers)
        {
            var field = header.Field;
            if (SkippedHeaders.Contains(field) || field.StartsWith("ARC-", StringComparison.OrdinalIgnoreCase)
                || (field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && !(part && header.Id == HeaderId.ContentDescription)))
            {
                continue;
            }

            if (AddressHeaders.Contains(field))
            {
                if (!MayHaveDisplayName(header.RawValue))
                {
                    continue;
                }

                if (InternetAddressList.TryParse(ParserOptions.Default, header.RawValue, out var addresses))
                {
                    AppendNames(addresses);
                    continue;
                }
            }

            Append(field + ": " + header.Value);
        }
    }

    /// <summary>False when the value is only addresses (<c>a@b</c>, <c>&lt;a@b&gt;</c>, lists of them): no
    /// phrase before an angle bracket, no comment, no quoted string. Spares the parse on the common
    /// <c>From: &lt;app@clinic.example&gt;</c> of the inline path.</summary>
    private static bool MayHaveDisplayName(ReadOnlySpan<byte> value)
    {
        var inAngle = false;
        var sawAngle = false;
        var plain = false;
        foreach (var b in value)
        {
            switch (b)
            {
                case (byte)'(' or (byte)'"' or (byte)':':
                    return true;
                case (byte)'<':
                    if (plain)
                    {
                        return true;
                    }

                    inAngle = true;
                    sawAngle = true;
                    break;
                case (byte)'>':
                    inAngle = false;
                    break;
                case (byte)',':
                    plain = false;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    break;
                default:
                    plain |= !inAngle;
                    break;
            }
        }

        // Bare addr-specs with no angle brackets have no names; "plain" text then is the addresses.
        return sawAngle && plain;
    }

    private void AppendNames(InternetAddressList addresses)
    {
        foreach (var address in addresses)
        {
            Append(address.Name);
            if (address is GroupAddress group)
            {
                AppendNames(group.Members);
            }
        }
    }

    /// <summary>A text/* part named as a document (<c>report.pdf</c> sent as text/plain) is read as the document.</summary>
    private static bool IsDocumentAttachment(MimePart part) =>
        part.FileName is { } name
        && ContentSniffer.FromDeclared("", "", Path.GetExtension(name).ToLowerInvariant()) is DocumentKind.Pdf or DocumentKind.Docx or DocumentKind.Xlsx or DocumentKind.Zip;

    private void AppendText(TextPart part)
    {
        if (part.ContentType.IsMimeType("text", "rtf") || part.ContentType.IsMimeType("text", "calendar"))
        {
            var body = part.Text ?? "";
            Append(part.ContentType.IsMimeType("text", "calendar") ? IcsTextReader.Read(body) : RtfTextReader.Read(body, _budget));
        }
        else
        {
            AppendTextPart(part);
        }

        AppendOddCharset(part);
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

        var destination = _text.GetSpan(count);
        var written = TextPartReader.Decode(encoding, content, destination);
        if (written == 0)
        {
            return;
        }

        if (_text.Length + (long)written > _limits.MaxTextChars)
        {
            throw new ClassificationFailedException("text_limit");
        }

        if (destination[..written].IndexOf(PgpArmor, StringComparison.Ordinal) >= 0)
        {
            Unreadable("encrypted_part");
        }

        _text.Advance(written);
        _text.Append("\n\n");
    }

    private void AppendViaMimeKit(TextPart part)
    {
        var body = part.Text ?? "";
        Append(part.IsHtml ? StripHtml(body) : body);
    }

    /// <summary>A declared charset this platform does not know, or one that does not map ASCII to itself
    /// (EBCDIC such as ibm037, UTF-16): the text above is a best effort, so the raw bytes are read as
    /// ISO-8859-1 too, and a part whose bytes are not text either way is reported (<c>unknown_charset</c>).</summary>
    private void AppendOddCharset(TextPart part)
    {
        if (part.ContentType.Charset is null || part.Content is null)
        {
            return;
        }

        var encoding = part.ContentType.CharsetEncoding;
        if (encoding is not null && AsciiCompatible.GetOrAdd(encoding.CodePage, _ => ContentSniffer.IsAsciiCompatible(encoding)))
        {
            return;
        }

        var bytes = Decode(part);
        if (encoding is not null || !System.Text.Ascii.IsValid(bytes))
        {
            // Not for an unknown label over plain ASCII: the text above is already exactly these bytes.
            Append(Encoding.Latin1.GetString(bytes));
        }

        if (encoding is null && !ContentSniffer.IsReadableText(bytes))
        {
            Unreadable("unknown_charset");
        }
    }

    /// <summary>A base64 or quoted-printable body that is not valid in its encoding decodes (leniently) to
    /// something other than what a client that shows the raw text would show: read the raw text too, and
    /// report <c>bad_transfer_encoding</c> only when the raw bytes are not text a person could read.</summary>
    private void CheckTransferEncoding(MimePart part)
    {
        // The content's own encoding, not the header: a part built in memory holds decoded bytes.
        var encoding = part.Content?.Encoding;
        if (encoding is not (ContentEncoding.Base64 or ContentEncoding.QuotedPrintable or ContentEncoding.UUEncode) || part.Content?.Stream is not { CanSeek: true } stream)
        {
            return;
        }

        var length = stream.Length;
        if (length > _limits.MaxMessageBytes)
        {
            throw new ClassificationFailedException("part_too_large");
        }

        var raw = new byte[length];
        stream.Position = 0;
        stream.ReadExactly(raw);
        stream.Position = 0;
        // x-uuencode is read raw as well: few clients decode it, and its decoder turns plain text into noise.
        var valid = encoding switch
        {
            ContentEncoding.Base64 => raw.AsSpan().IndexOfAnyExcept(Base64Bytes) < 0,
            ContentEncoding.QuotedPrintable => IsValidQuotedPrintable(raw),
            _ => false,
        };
        if (valid)
        {
            return;
        }

        Append(ContentSniffer.Utf8OrLatin1(raw));
        if (!ContentSniffer.IsReadableText(raw))
        {
            Unreadable("bad_transfer_encoding");
        }
    }

    /// <summary>Every '=' starts a hex pair or a soft line break (trailing blanks allowed, RFC 2045 §6.7).</summary>
    private static bool IsValidQuotedPrintable(ReadOnlySpan<byte> raw)
    {
        var at = 0;
        while (true)
        {
            var found = raw[at..].IndexOf((byte)'=');
            if (found < 0)
            {
                return true;
            }

            var i = at + found + 1;
            if (i + 1 < raw.Length && char.IsAsciiHexDigit((char)raw[i]) && char.IsAsciiHexDigit((char)raw[i + 1]))
            {
                at = i + 2;
                continue;
            }

            while (i < raw.Length && raw[i] is (byte)' ' or (byte)'\t')
            {
                i++;
            }

            if (i < raw.Length && raw[i] is not ((byte)'\r' or (byte)'\n'))
            {
                return false;
            }

            at = i;
            if (at >= raw.Length)
            {
                return true;
            }
        }
    }

    /// <summary>True when reading this message is text work only, which checks the budget as it goes: no
    /// document, archive or unknown binary (their libraries may spend long inside one page or entry, and
    /// they wait for a <see cref="DocumentGate"/> slot) and no encoded embedded message (its parts are known
    /// only once decoded). Such a message can be classified on the caller's thread; anything else runs where
    /// the time bound can abandon it.</summary>
    public static bool ReadsOnlyText(MimeMessage message, ClassifierLimits limits)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(limits);
        return ReadsOnlyText(message.Body, 1, limits.MaxMimeDepth);
    }

    private static bool ReadsOnlyText(MimeEntity? entity, int depth, int maxDepth) => depth <= maxDepth && entity switch
    {
        null => true,
        TextPart text => !IsDocumentAttachment(text),
        Multipart multipart => multipart.All(child => ReadsOnlyText(child, depth + 1, maxDepth)),
        MessagePart messagePart => messagePart.Message is null || ReadsOnlyText(messagePart.Message.Body, depth + 1, maxDepth),
        MessagePartial or ApplicationPkcs7Mime or ApplicationPkcs7Signature or ApplicationPgpSignature or ApplicationPgpEncrypted => true,
        MimePart part => DeclaredKind(part) is DocumentKind.Media,
        _ => true,
    };

    private static DocumentKind DeclaredKind(MimePart part) =>
        ContentSniffer.FromDeclared(
            part.ContentType.MediaType.ToLowerInvariant(), part.ContentType.MediaSubtype.ToLowerInvariant(), Path.GetExtension(part.FileName ?? "").ToLowerInvariant());

    private static bool IsEncodedMessage(ContentType type) => type.IsMimeType("message", "rfc822") || type.IsMimeType("message", "global");

    private void ReadAttachment(MimePart part, int depth)
    {
        var type = part.ContentType;
        if (IsEncodedMessage(type))
        {
            // An embedded message sent with a (non-conforming) base64 or quoted-printable encoding.
            using var embedded = new MemoryStream(Decode(part), writable: false);
            MimeMessage inner;
            try
            {
                inner = MimeMessage.Load(embedded, _budget.Token);
            }
            catch (FormatException)
            {
                Unreadable("unreadable_message");
                return;
            }

            using (inner)
            {
                Append(inner.Subject);
                AppendHeaders(inner.Headers, part: false);
                Walk(inner.Body, depth + 1);
            }

            return;
        }

        var declared = DeclaredKind(part);
        if (declared == DocumentKind.Media)
        {
            Unreadable("media");
            return;
        }

        var unknownReason = type.IsMimeType("application", "octet-stream") ? "octet_stream" : "unknown_type";
        Append(Documents.Read(declared, Decode(part), type.CharsetEncoding, 0, unknownReason));
    }

    private byte[] Decode(MimePart part)
    {
        if (part.Content is null)
        {
            return [];
        }

        using var output = new MemoryStream();
        part.Content.DecodeTo(output, _budget.Token);
        if (output.Length > _limits.MaxMessageBytes)
        {
            throw new ClassificationFailedException("part_too_large");
        }

        return output.ToArray();
    }

    private void Unreadable(string reason)
    {
        _unreadable ??= [];
        if (!_unreadable.Contains(reason))
        {
            _unreadable.Add(reason);
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

        if (text.Contains(PgpArmor, StringComparison.Ordinal))
        {
            Unreadable("encrypted_part");
        }

        _text.Append(text);
        _text.Append("\n\n");
    }
}
