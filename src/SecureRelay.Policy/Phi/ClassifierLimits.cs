namespace SecureRelay.Policy.Phi;

/// <summary>Bounds on what the classifier reads. Exceeding one classifies the message as PHI.</summary>
/// <param name="MaxTextChars">Most characters of extracted text.</param>
/// <param name="MaxMessageBytes">Most bytes of raw message read.</param>
/// <param name="Timeout">Time budget for parsing, extraction and detection together.</param>
/// <param name="MaxMimeDepth">Deepest MIME nesting.</param>
/// <param name="MaxParts">Most MIME parts.</param>
/// <param name="MaxPdfPages">Most pages read from one PDF.</param>
public sealed record ClassifierLimits(long MaxTextChars, long MaxMessageBytes, TimeSpan Timeout, int MaxMimeDepth, int MaxParts, int MaxPdfPages)
{
    /// <summary>10 M characters, 64 MiB, 10 s, depth 10, 500 parts, 200 pages. The work bounds decide; the
    /// time bound is a backstop generous enough that a busy machine does not change a verdict.</summary>
    public static ClassifierLimits Default { get; } = new(10_000_000, 64L * 1024 * 1024, TimeSpan.FromSeconds(10), 10, 500, 200);
}
