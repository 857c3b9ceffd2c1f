using System.Diagnostics;
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
            var start = new ProcessStartInfo("pdftoppm") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var argument in (string[])["-" + format, "-gray", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-singlefile", pdf, Path.Combine(dir.FullName, "page")])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("pdftoppm did not finish in 60 s");
            }

            Assert.That(process.ExitCode, Is.Zero, "pdftoppm (Debian poppler-utils, installed by scripts/test.sh)");
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
