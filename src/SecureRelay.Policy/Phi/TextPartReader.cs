using System.Text;
using MimeKit;

namespace SecureRelay.Policy.Phi;

/// <summary>Decodes a <see cref="TextPart"/> to exactly the text <see cref="TextPart.Text"/> returns, but straight
/// from the decoded bytes into a character span, without MimeKit's charset and new-line filter chain, its
/// intermediate MemoryStream and UTF-8 round trip, or a string per part.</summary>
/// <remarks>
/// What <c>TextPart.Text</c> does (MimeKit 4, <c>GetText(out Encoding)</c>), and how it is mirrored:
/// <list type="number">
/// <item>Encoding: the Content-Type charset when supported; else a byte-order mark; else, for HTML, a
/// <c>&lt;meta&gt;</c> charset; else strict UTF-8, and ISO-8859-1 when the bytes are not valid in the chosen
/// encoding. The reader handles the declared charset and the plain strict-UTF-8 case; a BOM or charset-less
/// HTML goes back to <c>TextPart.Text</c> (<see cref="TryGetEncoding"/> / <see cref="HasByteOrderMark"/>).</item>
/// <item>Conversion: the content is decoded (transfer encoding), converted to UTF-8 by the charset's decoder,
/// CRLF turned into LF by the platform's new-line filter (Dos2UnixFilter: a CR is dropped when an LF follows
/// it or when it ends the content; other CRs stay), and the UTF-8 read back as a string. The charset decoder
/// is never flushed, so an incomplete multi-byte sequence at the very end is dropped silently (not replaced,
/// not an error): the reader decodes with <c>flush: false</c> for the same result. Decoding with the
/// same <see cref="Encoding"/> object and removing the same CRs from the characters gives the same string,
/// provided the decoder cannot produce a lone surrogate (which the strict UTF-8 round trip would reject):
/// true of UTF-8 and single-byte code pages with the standard fallbacks, the only encodings accepted here.</item>
/// </list>
/// Tests compare the two for every combination of charset, transfer encoding and line-ending edge case.
/// </remarks>
internal static class TextPartReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoding <c>TextPart.Text</c> would try first, when this reader reproduces it exactly
    /// (see the remarks); false means: use <c>TextPart.Text</c>. Call <see cref="HasByteOrderMark"/> on the
    /// decoded bytes too when <paramref name="declared"/> is false.</summary>
    public static bool TryGetEncoding(TextPart part, out Encoding encoding, out bool declared)
    {
        encoding = StrictUtf8;
        declared = false;
        if (part.Content is null || FormatOptions.Default.NewLineFormat != NewLineFormat.Unix)
        {
            return false;
        }

        if (part.ContentType.CharsetEncoding is { } charset)
        {
            encoding = charset;
            declared = true;
            return IsReproducible(charset);
        }

        // No usable charset: MimeKit would look for a <meta> charset in HTML; only plain text is reproduced.
        return !part.IsHtml;
    }

    /// <summary>The decoded bytes start with a byte-order mark MimeKit would honour (UTF-8, UTF-16 LE/BE)
    /// or could start one: only a charset-less part cares.</summary>
    public static bool HasByteOrderMark(ReadOnlySpan<byte> content) => content.Length > 0 && content[0] is 0xEF or 0xFE or 0xFF;

    /// <summary>Number of characters the content decodes to, switching <paramref name="encoding"/> to ISO-8859-1
    /// when the bytes are invalid in it (as <c>GetText(out Encoding)</c> does on a DecoderFallbackException).</summary>
    public static int CharCount(ref Encoding encoding, ReadOnlySpan<byte> content)
    {
        try
        {
            return encoding.GetDecoder().GetCharCount(content, flush: false);
        }
        catch (DecoderFallbackException)
        {
            encoding = Encoding.Latin1;
            return content.Length;
        }
    }

    /// <summary>Decodes into <paramref name="destination"/> (exactly <see cref="CharCount"/> long) and drops the
    /// CRs MimeKit's Dos2UnixFilter drops; returns the remaining length.</summary>
    public static int Decode(Encoding encoding, ReadOnlySpan<byte> content, Span<char> destination)
    {
        var written = encoding.GetDecoder().GetChars(content, destination, flush: false);
        return DropCarriageReturns(destination[..written]);
    }

    /// <summary>Removes, in place, every CR followed by LF and a CR that ends the text (Dos2UnixFilter keeps
    /// a pending CR until it sees the next byte and never flushes it). Returns the new length.</summary>
    internal static int DropCarriageReturns(Span<char> text)
    {
        var cr = text.IndexOf('\r');
        if (cr < 0)
        {
            return text.Length;
        }

        var write = cr;
        var read = cr;
        while (true)
        {
            // text[read] is a CR.
            var next = read + 1;
            if (next < text.Length && text[next] != '\n')
            {
                text[write++] = '\r';
            }

            if (next >= text.Length)
            {
                return write;
            }

            var rest = text[next..];
            var nextCr = rest.IndexOf('\r');
            var segment = nextCr < 0 ? rest : rest[..nextCr];
            segment.CopyTo(text[write..]);
            write += segment.Length;
            if (nextCr < 0)
            {
                return write;
            }

            read = next + nextCr;
        }
    }

    private static bool IsReproducible(Encoding encoding) =>
        (encoding.CodePage == 65001 || encoding.IsSingleByte)
        && (encoding.DecoderFallback is DecoderExceptionFallback
            || (encoding.DecoderFallback is DecoderReplacementFallback replacement && !replacement.DefaultString.Any(char.IsSurrogate)));
}
