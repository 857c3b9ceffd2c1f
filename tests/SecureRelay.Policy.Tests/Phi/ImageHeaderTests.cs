using System.Buffers.Binary;
using SecureRelay.Policy.Phi.Extraction.Ocr;
using static SecureRelay.Policy.Tests.Phi.ExtractionTests;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Image sizes read from headers alone (the bound OCR checks before anything decodes the image).</summary>
public class ImageHeaderTests
{
    [TestCase("png")]
    [TestCase("jpeg")]
    [TestCase("tiff")]
    public void RenderedPage_SizeFromHeader(string format)
    {
        // A4 (595 x 842 pt) at 150 dpi, as pdftoppm writes it (it rounds the height up).
        var expected = Enum.Parse<ImageFormat>(format, ignoreCase: true);
        var header = ImageHeader.Read(ScannedPages.Image(format, 150, "Header test"));
        Assert.That(header, Is.EqualTo(new ImageHeader(expected, 1240, 1755, 1, 1240L * 1755)));
    }

    /// <summary>GIF89a, 300 × 200, no colour table, two one-pixel frames: an animation.</summary>
    internal static byte[] AnimatedGif()
    {
        byte[] frame = [0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0];
        return [.. "GIF89a"u8, 0x2C, 0x01, 0xC8, 0x00, 0, 0, 0, .. frame, .. frame, 0x3B];
    }

    [Test]
    public void Gif_FramesCounted()
    {
        Assert.That(ImageHeader.Read(AnimatedGif()), Is.EqualTo(new ImageHeader(ImageFormat.Gif, 300, 200, 2, 120_000)));
        Assert.That(ExtractAttachment("banner.gif", "image/gif", AnimatedGif()).Unreadable, Is.EqualTo(new[] { "image_animated" }));
    }

    [Test]
    public void Bmp_TopDownHeightIsPositive()
    {
        var bmp = new byte[54];
        "BM"u8.CopyTo(bmp);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), 640);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), -480);
        Assert.That(ImageHeader.Read(bmp), Is.EqualTo(new ImageHeader(ImageFormat.Bmp, 640, 480, 1, 307_200)));
    }

    [Test]
    public void WebP_ExtendedCanvas_AnimationIsFrames()
    {
        var webp = new byte[30];
        "RIFF"u8.CopyTo(webp);
        "WEBPVP8X"u8.CopyTo(webp.AsSpan(8));
        webp[20] = 0x02;
        webp[24] = 0xFF;
        webp[25] = 0x03;
        webp[27] = 0x1F;
        webp[28] = 0x03;
        Assert.That(ImageHeader.Read(webp), Is.EqualTo(new ImageHeader(ImageFormat.WebP, 1024, 800, 2, 1024L * 800 * 2)));
    }

    [Test]
    public void Truncated_Looping_OrUnknown_IsNoHeader()
    {
        Assert.That(ImageHeader.Read(DocumentReaderTests.Png(10, 10).AsSpan(0, 20)), Is.Null);
        Assert.That(ImageHeader.Read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]), Is.Null);
        Assert.That(ImageHeader.Read("%PDF-1.7"u8), Is.Null);

        // A TIFF whose only page points back to itself.
        var tiff = new byte[8 + 2 + 12 * 2 + 4];
        "II"u8.CopyTo(tiff);
        tiff[2] = 42;
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        foreach (var (i, tag) in new[] { (0, 256), (1, 257) })
        {
            var entry = tiff.AsSpan(10 + (i * 12));
            BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)tag);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], 1);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], 100);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(34), 8);
        Assert.That(ImageHeader.Read(tiff), Is.Null);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(34), 0);
        Assert.That(ImageHeader.Read(tiff), Is.EqualTo(new ImageHeader(ImageFormat.Tiff, 100, 100, 1, 10_000)));
    }
}
