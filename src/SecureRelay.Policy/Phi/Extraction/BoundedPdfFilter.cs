using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>A PdfPig stream filter whose output is paid for before it exists. PdfPig decodes a stream
/// into one array, so a 500 KB FlateDecode stream of zeros becomes 400 MiB at once; here a Flate stream
/// is first inflated into nothing through a <see cref="CappedReadStream"/> (work bounded by the message's
/// <see cref="InflationBudget"/>), and only then decoded for real. Filters whose expansion has a fixed
/// worst case (LZW, run length, ASCII85) reserve that worst case; every output is charged.</summary>
internal sealed class BoundedPdfFilter(IFilter inner, InflationBudget inflation, ClassificationBudget budget) : IFilter
{
    /// <summary>LZW: a 9-bit code can stand for a string of up to 4,096 bytes.</summary>
    private const long LzwMaxFactor = 4096 * 8 / 9 + 1;

    public bool IsSupported => inner.IsSupported;

    public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
    {
        budget.Check();
        var counted = false;
        switch (inner)
        {
            case FlateFilter:
                Measure(input);
                counted = true;
                break;
            case LzwFilter:
                inflation.Reserve(input.Length, LzwMaxFactor);
                break;
            case RunLengthFilter:
                inflation.Reserve(input.Length, 128);
                break;
            case Ascii85Filter:
                inflation.Reserve(input.Length, 4);
                break;
        }

        var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        if (!counted)
        {
            inflation.Charge(output.Length, output.Length, input.Length);
        }

        return output;
    }

    /// <summary>Inflates the stream into nothing, charging what it produces. The zlib header is skipped
    /// when present (as PdfPig does); data that stops inflating has produced what it produced.</summary>
    private void Measure(Memory<byte> input)
    {
        var span = input.Span;
        var skip = span.Length >= 2 && (span[0] & 0x0F) == 8 && ((span[0] << 8) | span[1]) % 31 == 0 ? 2 : 0;
        using var compressed = new MemoryStream(input[skip..].ToArray(), writable: false);
        using var capped = new CappedReadStream(new DeflateStream(compressed, CompressionMode.Decompress), input.Length, inflation, budget);
        try
        {
            capped.Drain();
        }
        catch (InvalidDataException)
        {
            // Corrupt or truncated data: PdfPig gets no further than this either.
        }
    }
}
