namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>The bytes one message may inflate, in all its documents and archives together. Charged with
/// bytes actually produced by a decompressor (never a declared size), so a lying header cannot buy more.
/// One per extraction; not thread-safe.</summary>
internal sealed class InflationBudget(ClassifierLimits limits)
{
    private long _used;

    /// <summary>Whether a cap was hit: a parser that swallows the exception a capped filter throws
    /// must still not produce a verdict from what it read.</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Bytes inflated so far.</summary>
    public long Used => _used;

    /// <summary>Bytes that may still be inflated.</summary>
    public long Remaining => Math.Max(0, limits.MaxInflatedBytes - _used);

    /// <summary>Adds <paramref name="produced"/> bytes of output of one stream that has now produced
    /// <paramref name="streamTotal"/> bytes from <paramref name="compressed"/> input bytes.</summary>
    /// <exception cref="UnreadableContentException"><c>decompression_limit</c>: the message total or the
    /// stream's ratio is over its cap.</exception>
    public void Charge(long produced, long streamTotal, long compressed)
    {
        _used += produced;
        if (_used > limits.MaxInflatedBytes
            || (streamTotal > ClassifierLimits.InflateRatioFloor && streamTotal > Math.Max(compressed, 1) * (long)limits.MaxInflateRatio))
        {
            Exceeded = true;
            throw new UnreadableContentException("decompression_limit");
        }
    }

    /// <summary>Fails now if a stream that may expand <paramref name="input"/> bytes up to
    /// <paramref name="maxFactor"/> times could exceed what is left (used for filters whose output is
    /// produced in one piece by a library, so it cannot be counted as it grows).</summary>
    public void Reserve(long input, long maxFactor)
    {
        if (input * maxFactor > Remaining)
        {
            Exceeded = true;
            throw new UnreadableContentException("decompression_limit");
        }
    }
}
