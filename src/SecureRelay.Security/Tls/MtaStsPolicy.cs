namespace SecureRelay.Security.Tls;

/// <summary>A parsed MTA-STS policy (RFC 8461 §3.2) plus the TXT <c>id</c> it was fetched under.</summary>
public sealed class MtaStsPolicy
{
    /// <summary>Largest <c>max_age</c> allowed by RFC 8461 (one year).</summary>
    public const long MaxAgeLimitSeconds = 31_557_600;

    /// <summary>Creates a policy; <see cref="MtaStsPolicyParser"/> is the usual source.</summary>
    public MtaStsPolicy(MtaStsMode mode, IReadOnlyList<string> mxPatterns, long maxAgeSeconds, string id)
    {
        ArgumentNullException.ThrowIfNull(mxPatterns);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAgeSeconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxAgeSeconds, MaxAgeLimitSeconds);
        Mode = mode;
        MxPatterns = mxPatterns;
        MaxAgeSeconds = maxAgeSeconds;
        Id = id;
    }

    /// <summary>The policy mode.</summary>
    public MtaStsMode Mode { get; }

    /// <summary>The <c>mx</c> patterns, lower case, e.g. <c>mx1.example.com</c> or <c>*.example.net</c>.</summary>
    public IReadOnlyList<string> MxPatterns { get; }

    /// <summary><c>max_age</c> in seconds: how long the policy may be cached.</summary>
    public long MaxAgeSeconds { get; }

    /// <summary>The <c>id</c> of the <c>_mta-sts</c> TXT record the policy was fetched under ("" when unknown).</summary>
    public string Id { get; }

    /// <summary>
    /// True when <paramref name="mxHost"/> matches an <c>mx</c> pattern (RFC 8461 §4.1): exact, or
    /// <c>*.</c> replacing exactly the leftmost label.
    /// </summary>
    public bool MatchesMx(string mxHost)
    {
        ArgumentNullException.ThrowIfNull(mxHost);
        var host = HostnameMatcher.Normalize(mxHost);
        foreach (var pattern in MxPatterns)
        {
            if (pattern.StartsWith("*.", StringComparison.Ordinal))
            {
                var dot = host.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && string.Equals(host[(dot + 1)..], pattern[2..], StringComparison.Ordinal))
                {
                    return true;
                }
            }
            else if (string.Equals(host, pattern, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same policy recorded under another TXT id.</summary>
    public MtaStsPolicy WithId(string id) => new(Mode, MxPatterns, MaxAgeSeconds, id);
}
