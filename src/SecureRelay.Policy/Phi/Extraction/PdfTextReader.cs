using System.Text;
using SecureRelay.Policy.Phi.Extraction.Ocr;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>Text of a PDF, page by page (PdfPig), with every stream decoded through
/// <see cref="BoundedPdfFilterProvider"/>. Encrypted documents (<c>encrypted_pdf</c>) and pages that
/// are pictures without text are read by OCR (<see cref="PdfPageOcr"/>), and stay unreadable (<c>scanned_pdf</c>)
/// when OCR cannot read them.</summary>
internal static class PdfTextReader
{
    /// <summary>A page with an image and fewer letters than this is taken for a scan (a page number or a
    /// stamp on top of a scanned page is not its content).</summary>
    private const int ScannedPageLetters = 16;

    /// <exception cref="UnreadableContentException">encrypted_pdf, decompression_limit.</exception>
    /// <exception cref="ClassificationFailedException">pdf_pages, text_limit.</exception>
    public static string Read(byte[] pdf, DocumentContext context)
    {
        // An encryption dictionary in the trailer: its streams cannot be checked before decryption, and a
        // reader that guesses the password shows what we could not read. Named in the raw bytes, so a
        // trailer PdfPig fails to parse still counts.
        if (pdf.AsSpan().IndexOf("/Encrypt"u8) >= 0)
        {
            throw new UnreadableContentException("encrypted_pdf");
        }

        var options = new ParsingOptions
        {
            FilterProvider = new BoundedPdfFilterProvider(context.Inflation, context.Budget),
            UseLenientParsing = true,
            SkipMissingFonts = true,
        };
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(pdf, options);
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new UnreadableContentException("encrypted_pdf", e);
        }

        using (document)
        {
            if (document.IsEncrypted)
            {
                // Even when it opens with the empty password, its streams were decrypted past our view.
                throw new UnreadableContentException("encrypted_pdf");
            }

            if (document.NumberOfPages > context.Limits.MaxPdfPages)
            {
                throw new ClassificationFailedException("pdf_pages");
            }

            var text = new StringBuilder();
            var letters = 0;
            var scanned = false;
            foreach (var page in document.GetPages())
            {
                context.Budget.Check();
                var pageLetters = page.Letters.Count;
                letters += pageLetters;
                text.Append(ContentOrderTextExtractor.GetText(page)).Append('\n');
                if (pageLetters < ScannedPageLetters && page.NumberOfImages > 0)
                {
                    // A scan: its text is what OCR reads, and it stays unreadable unless OCR reads enough.
                    var read = PdfPageOcr.Read(page, context, text);
                    letters += read;
                    scanned |= read < ScannedPageLetters;
                }

                context.CheckLength(text);
            }

            if (scanned || (letters == 0 && document.NumberOfPages > 0))
            {
                context.Unreadable("scanned_pdf");
            }

            return text.ToString();
        }
    }
}
