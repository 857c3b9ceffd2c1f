namespace SecureRelay.Security.Tls;

/// <summary>
/// The TLS policy for one destination domain and its MX hosts, as resolved by
/// <see cref="RecipientTlsPolicyResolver"/>: DANE per MX host (when the MX set and TLSA records are
/// DNSSEC-authenticated), else the domain's MTA-STS policy, else nothing (PKIX only).
/// </summary>
public sealed class RecipientTlsPolicy
{
    private readonly Dictionary<string, DaneHostPolicy> _dane;

    /// <summary>Creates a policy; the resolver is the usual source.</summary>
    public RecipientTlsPolicy(
        string domain,
        bool mxAuthenticated,
        IEnumerable<DaneHostPolicy> dane,
        MtaStsPolicy? mtaSts,
        DateTimeOffset resolvedAt,
        DateTimeOffset expiresAt)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(dane);
        Domain = HostnameMatcher.Normalize(domain);
        MxAuthenticated = mxAuthenticated;
        _dane = dane.ToDictionary(d => HostnameMatcher.Normalize(d.MxHost), StringComparer.Ordinal);
        MtaSts = mtaSts is { Mode: MtaStsMode.None } ? null : mtaSts;
        ResolvedAt = resolvedAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The destination domain (normalized).</summary>
    public string Domain { get; }

    /// <summary>True when the MX RRset was DNSSEC-authenticated (a precondition for DANE).</summary>
    public bool MxAuthenticated { get; }

    /// <summary>DANE state of each MX host that has one.</summary>
    public IReadOnlyCollection<DaneHostPolicy> Dane => _dane.Values;

    /// <summary>The MTA-STS policy in force (<c>enforce</c> or <c>testing</c>), or null.</summary>
    public MtaStsPolicy? MtaSts { get; }

    /// <summary>When the DNS answers were obtained.</summary>
    public DateTimeOffset ResolvedAt { get; }

    /// <summary>When the resolver stops reusing this policy.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The strongest mode any MX host of the destination is under.</summary>
    public RecipientTlsMode Mode => _dane.Count > 0 ? RecipientTlsMode.DaneRequired : StsMode();

    /// <summary>A policy with nothing published.</summary>
    public static RecipientTlsPolicy None(string domain, DateTimeOffset now) => new(domain, false, [], null, now, now);

    /// <summary>The mode for one MX host: DANE when it has TLSA state, else the domain's MTA-STS mode.</summary>
    public RecipientTlsMode ModeFor(string mxHost) =>
        _dane.ContainsKey(HostnameMatcher.Normalize(mxHost)) ? RecipientTlsMode.DaneRequired : StsMode();

    /// <summary>The DANE state of <paramref name="mxHost"/>, or null when DANE does not apply to it.</summary>
    public DaneHostPolicy? DaneFor(string mxHost) =>
        _dane.TryGetValue(HostnameMatcher.Normalize(mxHost), out var d) ? d : null;

    /// <summary>True when the certificate of <paramref name="mxHost"/> must be authenticated (DANE or MTA-STS <c>enforce</c>) whatever the delivery method.</summary>
    public bool RequiresAuthentication(string mxHost) => ModeFor(mxHost) is RecipientTlsMode.DaneRequired or RecipientTlsMode.MtaStsEnforce;

    /// <summary>
    /// False when MTA-STS <c>enforce</c> excludes <paramref name="mxHost"/> and DANE does not cover it:
    /// delivery should skip that MX without connecting (RFC 8461 §4.1).
    /// </summary>
    public bool IsMxPermitted(string mxHost) =>
        ModeFor(mxHost) != RecipientTlsMode.MtaStsEnforce || MtaSts!.MatchesMx(mxHost);

    private RecipientTlsMode StsMode() => MtaSts?.Mode switch
    {
        Tls.MtaStsMode.Enforce => RecipientTlsMode.MtaStsEnforce,
        Tls.MtaStsMode.Testing => RecipientTlsMode.MtaStsTesting,
        _ => RecipientTlsMode.None,
    };
}
