namespace SecureRelay.Policy.Phi;

/// <summary>Bounds on what the classifier reads. Exceeding one classifies the message as PHI, except the
/// decompression and archive bounds, which report the content as unreadable (<c>decompression_limit</c>,
/// <c>zip_limit</c>).</summary>
/// <param name="MaxTextChars">Most characters of extracted text.</param>
/// <param name="MaxMessageBytes">Most bytes of raw message read.</param>
/// <param name="Timeout">Time budget for parsing, extraction and detection together.</param>
/// <param name="MaxMimeDepth">Deepest MIME nesting.</param>
/// <param name="MaxParts">Most MIME parts.</param>
/// <param name="MaxPdfPages">Most pages read from one PDF.</param>
/// <param name="MaxInflatedBytes">Most bytes inflated, in all documents and archives of one message together
/// (counted on the bytes actually produced, never on declared sizes).</param>
/// <param name="MaxInflateRatio">Most inflated bytes per compressed byte of one stream or archive entry, once
/// it has produced more than <see cref="InflateRatioFloor"/> bytes.</param>
/// <param name="MaxArchiveEntries">Most entries read from one ZIP archive (DOCX and XLSX included).</param>
/// <param name="MaxArchiveDepth">Deepest nesting of archives (an archive in a message is depth 1).</param>
public sealed record ClassifierLimits(
    long MaxTextChars,
    long MaxMessageBytes,
    TimeSpan Timeout,
    int MaxMimeDepth,
    int MaxParts,
    int MaxPdfPages,
    long MaxInflatedBytes = ClassifierLimits.DefaultMaxInflatedBytes,
    int MaxInflateRatio = 200,
    int MaxArchiveEntries = 1000,
    int MaxArchiveDepth = 2)
{
    /// <summary>64 MiB.</summary>
    public const long DefaultMaxInflatedBytes = 64L * 1024 * 1024;

    /// <summary>Below this many inflated bytes (1 MiB) the ratio is not checked: small streams of blank
    /// space (an empty page, a white image) legitimately compress far better than text.</summary>
    public const long InflateRatioFloor = 1024 * 1024;

    /// <summary>10 M characters, 64 MiB, 10 s, depth 10, 500 parts, 200 pages, 64 MiB inflated at most
    /// 200:1, 1,000 archive entries, archives nested 2 deep. The work bounds decide; the time bound is a
    /// backstop generous enough that a busy machine does not change a verdict.</summary>
    public static ClassifierLimits Default { get; } = new(10_000_000, 64L * 1024 * 1024, TimeSpan.FromSeconds(10), 10, 500, 200);
}
