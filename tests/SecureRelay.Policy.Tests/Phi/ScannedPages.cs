using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Pictures of text for the OCR tests: lines typeset in a PDF (<see cref="ExtractionTests.Pdf"/>,
/// Helvetica 11 pt on A4) and rasterised by poppler's <c>pdftoppm</c> (Debian poppler-utils, installed by
/// scripts/test.sh), as a scanner would; and scanned PDFs that hold such a picture and no text.</summary>
internal static class ScannedPages
{
    /// <summary>The page as an image: <paramref name="format"/> is <c>png</c>, <c>jpeg</c> or <c>tiff</c>.</summary>
    public static byte[] Image(string format, int dpi, params string[] lines)
    {
        var dir = Directory.CreateTempSubdirectory("ocr-test-");
        try
        {
            var pdf = Path.Combine(dir.FullName, "page.pdf");
            File.WriteAllBytes(pdf, ExtractionTests.Pdf(lines));
            // RunAsync, not Run: a missing pdftoppm fails the test rather than ignoring it; a hang throws TimeoutException.
            var (exitCode, output) = Tools.RunAsync(
                "pdftoppm",
                ["-" + format, "-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, Path.Combine(dir.FullName, "page")],
                TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
            Assert.That(exitCode, Is.Zero, "pdftoppm (Debian poppler-utils, installed by scripts/test.sh): " + output);
            var image = Directory.GetFiles(dir.FullName, "page.*").Single(f => !f.EndsWith(".pdf", StringComparison.Ordinal));
            return File.ReadAllBytes(image);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>A PDF whose only page is the picture of <paramref name="lines"/> (PNG or JPEG): no text layer.</summary>
    public static byte[] ScannedPdf(bool jpeg, params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var area = new PdfRectangle(0, 0, 595, 842);
        if (jpeg)
        {
            page.AddJpeg(Image("jpeg", 150, lines), area);
        }
        else
        {
            page.AddPng(Image("png", 150, lines), area);
        }

        return builder.Build();
    }
}
