using System.Text;
using UglyToad.PdfPig.Content;

namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>Reads a PDF page that is a picture (a scan) by OCR of its images, as PdfPig gives them: a
/// DCT-encoded image (JPEG, what scanners write) as its raw bytes, any other as PNG when PdfPig can decode it
/// (Flate, LZW, run-length; through the document's bounded filters). CCITT, JBIG2 and JPEG 2000 images it
/// cannot decode leave the page unreadable. The pixel bound is checked on the image dictionary's size before
/// anything is decoded.</summary>
internal static class PdfPageOcr
{
    /// <summary>Appends the page's OCR text to <paramref name="text"/>.</summary>
    /// <returns>The confident letters read (0 when the page could not be read; the failure is reported).</returns>
    public static int Read(Page page, DocumentContext context, StringBuilder text)
    {
        var letters = 0;
        var start = text.Length;
        try
        {
            foreach (var image in page.GetImages())
            {
                context.Budget.Check();
                context.Ocr.CheckPixels((long)image.WidthInSamples * image.HeightInSamples);
                var raw = image.RawMemory;
                ReadOnlyMemory<byte> encoded = raw.Span is [0xFF, 0xD8, 0xFF, ..] ? raw
                    : image.TryGetPng(out var png) ? png
                    : throw new UnreadableContentException("scanned_pdf");
                var ocr = context.Ocr.ReadPageImage(encoded);
                text.Append(ocr.Text).Append('\n');
                context.CheckLength(text);
                letters += ocr.ConfidentLetters;
            }
        }
        catch (UnreadableContentException e)
        {
            context.Unreadable(e.Reason);
            return 0;
        }

        if (OcrSettings.IsMoreThanDecoration(text.ToString(start, text.Length - start)))
        {
            context.Unreadable("ocr_text");
        }

        return letters;
    }
}
