using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy;

/// <summary>A validated, immutable policy ready for evaluation. Produced by <see cref="PolicyCompiler"/>;
/// <see cref="Default"/> is the built-in policy used when no file is configured.</summary>
public sealed class CompiledPolicy
{
    internal CompiledPolicy(
        string source,
        PhiClassifier classifier,
        IReadOnlyList<DeliveryMethod> phiMethods,
        IReadOnlyList<DeliveryMethod> uncertainMethods,
        IReadOnlyList<DeliveryMethod> otherMethods,
        bool signSmime,
        IReadOnlyDictionary<string, IReadOnlyList<string>> groups,
        IReadOnlyList<DomainSettings> domains,
        IReadOnlyList<PolicyRule> rules,
        bool requireMarketingAuthorization,
        bool applySuppression,
        string consentScope)
    {
        Source = source;
        Classifier = classifier;
        PhiMethods = phiMethods;
        UncertainMethods = uncertainMethods;
        OtherMethods = otherMethods;
        SignSmime = signSmime;
        Groups = groups;
        Domains = domains;
        Rules = rules;
        RequireMarketingAuthorization = requireMarketingAuthorization;
        ApplySuppression = applySuppression;
        ConsentScope = consentScope;
    }

    /// <summary>The built-in policy: PHI → smime, pgp, tls-verified, escrow; everything else → opportunistic.</summary>
    /// <exception cref="Yaml.ConfigurationException">The classifier's word lists are not installed.</exception>
    public static CompiledPolicy Default => BuiltIn.Value;

    private static readonly Lazy<CompiledPolicy> BuiltIn = new(() => PolicyCompiler.Parse("{}", "(built-in)"));

    /// <summary>The file it came from, or <c>(built-in)</c>.</summary>
    public string Source { get; }

    /// <summary>The classifier configured by this policy.</summary>
    public PhiClassifier Classifier { get; }

    /// <summary>Methods for PHI when no rule or domain names any.</summary>
    public IReadOnlyList<DeliveryMethod> PhiMethods { get; }

    /// <summary>Methods for uncertain messages when no rule or domain names any.</summary>
    public IReadOnlyList<DeliveryMethod> UncertainMethods { get; }

    /// <summary>Methods for clean messages when no rule or domain names any.</summary>
    public IReadOnlyList<DeliveryMethod> OtherMethods { get; }

    /// <summary>Default of the S/MIME signing flag.</summary>
    public bool SignSmime { get; }

    /// <summary>Recipient groups: name → address patterns.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; }

    /// <summary>Per-domain settings in file order.</summary>
    public IReadOnlyList<DomainSettings> Domains { get; }

    /// <summary>Rules in order.</summary>
    public IReadOnlyList<PolicyRule> Rules { get; }

    /// <summary>Marketing with PHI needs a recorded authorization.</summary>
    public bool RequireMarketingAuthorization { get; }

    /// <summary>Marketing honours the suppression list.</summary>
    public bool ApplySuppression { get; }

    /// <summary>The consent scope looked up for marketing.</summary>
    public string ConsentScope { get; }

    /// <summary>The settings for a recipient domain: an exact entry wins over a wildcard; else null.</summary>
    public DomainSettings? FindDomain(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return Domains.FirstOrDefault(d => string.Equals(d.Domain, domain, StringComparison.OrdinalIgnoreCase))
            ?? Domains.Where(d => d.Matches(domain)).OrderByDescending(d => d.Domain.Length).FirstOrDefault();
    }
}
