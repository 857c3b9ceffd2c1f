using System.Globalization;

namespace SecureRelay.Spool;

/// <summary>
/// What the SMTP server saw in a message's content while receiving it: whether any byte had the
/// high bit set, and the longest line (without CRLF). Stored in the envelope's annotations so that
/// delivery can send content that already fits the next hop as it is, without MimeKit re-scanning
/// (and possibly re-encoding) every part: a relay should not change what it passes on, which would
/// also break the originator's DKIM body hash.
/// </summary>
/// <param name="EightBit">True when a byte ≥ 0x80 occurred.</param>
/// <param name="LongestLine">The longest line in octets, CRLF not counted.</param>
public sealed record ContentFacts(bool EightBit, long LongestLine)
{
    /// <summary>Annotation key of <see cref="EightBit"/>.</summary>
    public const string EightBitKey = "content.8bit";

    /// <summary>Annotation key of <see cref="LongestLine"/>.</summary>
    public const string LongestLineKey = "content.longest_line";

    /// <summary>Adds the facts to <paramref name="annotations"/>.</summary>
    public void WriteTo(IDictionary<string, string> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        annotations[EightBitKey] = EightBit ? "1" : "0";
        annotations[LongestLineKey] = LongestLine.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The facts recorded in <paramref name="annotations"/>, or null when there are none
    /// (content received with BDAT BINARYMIME, or by an older version).</summary>
    public static ContentFacts? ReadFrom(IReadOnlyDictionary<string, string> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        return annotations.TryGetValue(EightBitKey, out var eight) && eight is "0" or "1"
            && annotations.TryGetValue(LongestLineKey, out var longest)
            && long.TryParse(longest, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? new ContentFacts(eight == "1", n)
            : null;
    }
}
