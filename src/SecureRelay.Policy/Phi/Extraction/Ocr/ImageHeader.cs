using System.Buffers.Binary;

namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>An image's format and size, read from its header without decoding a pixel, so that an oversized
/// image (a decompression bomb for the decoder) is refused before Tesseract sees it.</summary>
/// <param name="Format">The format the magic bytes prove.</param>
/// <param name="Width">Pixels across (of the largest frame or page).</param>
/// <param name="Height">Pixels down (of the largest frame or page).</param>
/// <param name="Frames">Pages of a TIFF, frames of a GIF or WebP animation; 1 for the rest.</param>
/// <param name="Pixels">All pixels of all frames or pages together.</param>
internal sealed record ImageHeader(ImageFormat Format, int Width, int Height, int Frames, long Pixels)
{
    /// <summary>More TIFF pages or GIF frames than this is not a header worth reading further.</summary>
    private const int MaxFrames = 1000;

    /// <summary>The header of <paramref name="image"/>, or null when it is not a whole header of a format
    /// Tesseract reads (the image is then unreadable).</summary>
    public static ImageHeader? Read(ReadOnlySpan<byte> image)
    {
        try
        {
            return image switch
            {
                [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png(image),
                [0xFF, 0xD8, 0xFF, ..] => Jpeg(image),
                [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => Gif(image),
                [(byte)'I', (byte)'I', 42, 0, ..] => Tiff(image, littleEndian: true),
                [(byte)'M', (byte)'M', 0, 42, ..] => Tiff(image, littleEndian: false),
                [(byte)'B', (byte)'M', ..] => Bmp(image),
                [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => WebP(image),
                _ => null,
            };
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // A header cut short: not an image we can bound, so not one we hand over.
            return null;
        }
    }

    private static ImageHeader? Create(ImageFormat format, long width, long height, int frames = 1, long? pixels = null) =>
        width is <= 0 or > int.MaxValue || height is <= 0 or > int.MaxValue || frames is <= 0 or > MaxFrames
            ? null
            : new ImageHeader(format, (int)width, (int)height, frames, pixels ?? width * height * frames);

    private static ImageHeader? Png(ReadOnlySpan<byte> image) =>
        image.Slice(12, 4).SequenceEqual("IHDR"u8)
            ? Create(ImageFormat.Png, BinaryPrimitives.ReadUInt32BigEndian(image[16..]), BinaryPrimitives.ReadUInt32BigEndian(image[20..]))
            : null;

    /// <summary>Walks the markers to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).</summary>
    private static ImageHeader? Jpeg(ReadOnlySpan<byte> image)
    {
        var at = 2;
        while (at + 4 <= image.Length)
        {
            if (image[at] != 0xFF)
            {
                return null;
            }

            var marker = image[at + 1];
            if (marker == 0xFF)
            {
                at++;
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(at + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return Create(ImageFormat.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(image[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(image[(at + 5)..]));
            }

            if (marker is 0xD9 or 0xDA || length < 2)
            {
                return null;
            }

            at += 2 + length;
        }

        return null;
    }

    /// <summary>The logical screen, and the number of image descriptors (frames) found by walking the blocks.</summary>
    private static ImageHeader? Gif(ReadOnlySpan<byte> image)
    {
        var width = BinaryPrimitives.ReadUInt16LittleEndian(image[6..]);
        var height = BinaryPrimitives.ReadUInt16LittleEndian(image[8..]);
        var at = 13 + ColorTable(image[10]);
        var frames = 0;
        while (frames <= MaxFrames)
        {
            switch (image[at])
            {
                case 0x3B:
                    return Create(ImageFormat.Gif, width, height, Math.Max(frames, 1));
                case 0x21:
                    at = SkipSubBlocks(image, at + 2);
                    break;
                case 0x2C:
                    frames++;
                    at = SkipSubBlocks(image, at + 10 + ColorTable(image[at + 9]) + 1);
                    break;
                default:
                    return null;
            }

            if (at >= image.Length)
            {
                // No trailer: a viewer shows the frames it got.
                return Create(ImageFormat.Gif, width, height, Math.Max(frames, 1));
            }
        }

        return null;

        static int ColorTable(byte flags) => (flags & 0x80) == 0 ? 0 : 3 << ((flags & 7) + 1);
    }

    private static int SkipSubBlocks(ReadOnlySpan<byte> image, int at)
    {
        while (at < image.Length && image[at] != 0)
        {
            at += image[at] + 1;
        }

        return at + 1;
    }

    /// <summary>Every page (IFD) in the chain; the pixels of all pages count, since Tesseract reads them all.</summary>
    private static ImageHeader? Tiff(ReadOnlySpan<byte> image, bool littleEndian)
    {
        long offset = U32(image, 4, littleEndian);
        long width = 0, height = 0, pixels = 0;
        var pages = 0;
        var seen = new HashSet<long>();
        while (offset != 0)
        {
            if (offset < 8 || offset + 2 > image.Length || !seen.Add(offset) || ++pages > MaxFrames)
            {
                return null;
            }

            var at = (int)offset;
            var entries = (int)U16(image, at, littleEndian);
            long pageWidth = 0, pageHeight = 0;
            for (var i = 0; i < entries; i++)
            {
                var entry = at + 2 + (i * 12);
                var tag = U16(image, entry, littleEndian);
                if (tag is 256 or 257)
                {
                    var value = U16(image, entry + 2, littleEndian) == 3 ? U16(image, entry + 8, littleEndian) : U32(image, entry + 8, littleEndian);
                    if (tag == 256)
                    {
                        pageWidth = value;
                    }
                    else
                    {
                        pageHeight = value;
                    }
                }
            }

            if (pageWidth <= 0 || pageHeight <= 0)
            {
                return null;
            }

            width = Math.Max(width, pageWidth);
            height = Math.Max(height, pageHeight);
            pixels += pageWidth * pageHeight;
            offset = U32(image, at + 2 + (entries * 12), littleEndian);
        }

        return pages == 0 ? null : Create(ImageFormat.Tiff, width, height, pages, pixels);

        static uint U16(ReadOnlySpan<byte> s, int at, bool le) => le ? BinaryPrimitives.ReadUInt16LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt16BigEndian(s[at..]);
        static uint U32(ReadOnlySpan<byte> s, int at, bool le) => le ? BinaryPrimitives.ReadUInt32LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt32BigEndian(s[at..]);
    }

    private static ImageHeader? Bmp(ReadOnlySpan<byte> image)
    {
        var dib = BinaryPrimitives.ReadUInt32LittleEndian(image[14..]);
        return dib == 12
            ? Create(ImageFormat.Bmp, BinaryPrimitives.ReadUInt16LittleEndian(image[18..]), BinaryPrimitives.ReadUInt16LittleEndian(image[20..]))
            : Create(ImageFormat.Bmp, BinaryPrimitives.ReadInt32LittleEndian(image[18..]), Math.Abs((long)BinaryPrimitives.ReadInt32LittleEndian(image[22..])));
    }

    /// <summary>Lossy (VP8), lossless (VP8L) or extended (VP8X: the canvas; an animation is refused as frames
    /// that Tesseract would not read).</summary>
    private static ImageHeader? WebP(ReadOnlySpan<byte> image)
    {
        var chunk = image.Slice(12, 4);
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return image.Slice(23, 3).SequenceEqual((byte[])[0x9D, 0x01, 0x2A])
                ? Create(ImageFormat.WebP, BinaryPrimitives.ReadUInt16LittleEndian(image[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(image[28..]) & 0x3FFF)
                : null;
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(image[21..]);
            return image[20] == 0x2F ? Create(ImageFormat.WebP, (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1) : null;
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            var animated = (image[20] & 0x02) != 0;
            var width = image[24] | (image[25] << 8) | (image[26] << 16);
            var height = image[27] | (image[28] << 8) | (image[29] << 16);
            return Create(ImageFormat.WebP, width + 1L, height + 1L, animated ? 2 : 1);
        }

        return null;
    }
}
