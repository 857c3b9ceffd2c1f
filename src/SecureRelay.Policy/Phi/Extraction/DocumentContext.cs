using System.Text;
using SecureRelay.Policy.Phi.Extraction.Ocr;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>What reading the documents of one message shares: the limits, the time budget, the inflation
/// budget, the slot of the <see cref="DocumentGate"/> (taken at the first document, kept until disposal),
/// the message's OCR, and where unreadable content is reported. Decides what a part is and hands it to its reader.</summary>
internal sealed class DocumentContext(ClassifierLimits limits, ClassificationBudget budget, Action<string> unreadable, OcrSettings ocr) : IDisposable
{
    private IDisposable? _slot;

    public ClassifierLimits Limits => limits;

    public ClassificationBudget Budget => budget;

    public InflationBudget Inflation { get; } = new(limits);

    /// <summary>OCR of images and scanned pages, bounded per message.</summary>
    public MessageOcr Ocr { get; } = new(ocr, budget);

    /// <summary>Reports content that could not be read.</summary>
    public void Unreadable(string reason) => unreadable(reason);

    /// <summary>The kind to read <paramref name="content"/> as: its magic bytes first, then what was declared,
    /// then text when it is mostly printable; <see cref="DocumentKind.Unknown"/> when none applies.</summary>
    public static DocumentKind Resolve(DocumentKind declared, ReadOnlySpan<byte> content, Func<DocumentKind> refineZip)
    {
        var kind = ContentSniffer.FromMagic(content) switch
        {
            DocumentKind.Unknown => declared,
            DocumentKind.Zip => refineZip(),
            var magic => magic,
        };
        return kind == DocumentKind.Unknown && ContentSniffer.IsReadableText(content) ? DocumentKind.Text : kind;
    }

    /// <summary>The text of one part or archive entry; "" with the reason reported when it cannot be read.
    /// <paramref name="unknownReason"/> is reported for content of no known kind that is not text.</summary>
    public string Read(DocumentKind declared, byte[] content, Encoding? charset, int archiveDepth, string unknownReason)
    {
        budget.Check();
        var kind = Resolve(declared, content, () => ZipTextReader.Refine(content, declared));
        switch (kind)
        {
            case DocumentKind.Unknown:
                Unreadable(unknownReason);
                return "";
            case DocumentKind.Image:
                return ReadImage(content);
            case DocumentKind.Media:
                Unreadable("media");
                return "";
            case DocumentKind.Text:
                return DecodeText(content, charset);
            case DocumentKind.Html:
                return HtmlText.ToText(DecodeText(content, charset));
            case DocumentKind.Calendar:
                return IcsTextReader.Read(DecodeText(content, charset));
            case DocumentKind.Rtf:
                return RtfTextReader.Read(Encoding.Latin1.GetString(content), budget);
        }

        _slot ??= DocumentGate.Enter(budget);
        try
        {
            var text = kind switch
            {
                DocumentKind.Pdf => PdfTextReader.Read(content, this),
                DocumentKind.Docx => DocxTextReader.Read(content, this),
                DocumentKind.Xlsx => XlsxTextReader.Read(content, this),
                _ => ZipTextReader.Read(content, this, archiveDepth + 1),
            };
            if (Inflation.Exceeded)
            {
                // The library swallowed the capped filter's exception: what it read is not the document.
                Unreadable("decompression_limit");
                return "";
            }

            return text;
        }
        catch (UnreadableContentException e)
        {
            Unreadable(e.Reason);
            return "";
        }
        catch (Exception e) when (e is not (ClassificationFailedException or OperationCanceledException or OutOfMemoryException))
        {
            // A corrupt or unsupported document may hide PHI: report it, naming only the kind.
            Unreadable(Inflation.Exceeded ? "decompression_limit" : "unreadable_" + kind.ToString().ToLowerInvariant());
            return "";
        }
    }

    private string ReadImage(byte[] content)
    {
        try
        {
            var text = Ocr.ReadImage(content);
            if (OcrSettings.IsMoreThanDecoration(text))
            {
                Unreadable("ocr_text");
            }

            return text;
        }
        catch (UnreadableContentException e)
        {
            Unreadable(e.Reason);
            return "";
        }
    }

    /// <summary>Checks the text limit for a reader building a long text.</summary>
    public void CheckLength(StringBuilder text)
    {
        if (text.Length > limits.MaxTextChars)
        {
            throw new ClassificationFailedException("text_limit");
        }
    }

    public void Dispose()
    {
        _slot?.Dispose();
        _slot = null;
    }

    private static string DecodeText(byte[] content, Encoding? charset) =>
        charset is null ? ContentSniffer.Utf8OrLatin1(content) : charset.GetString(content);
}
