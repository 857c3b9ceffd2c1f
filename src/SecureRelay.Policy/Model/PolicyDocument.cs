namespace SecureRelay.Policy.Model;

/// <summary>The root of <c>policy.yaml</c> as written by admins (snake_case keys). Validated and
/// compiled into a <see cref="CompiledPolicy"/> by <see cref="PolicyCompiler"/>.</summary>
public sealed class PolicyDocument
{
    /// <summary>Format version; only <c>1</c> exists.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Method lists used when a rule does not name its own.</summary>
    public DefaultsOptions Defaults { get; set; } = new();

    /// <summary>PHI classifier settings (detectors, weights, threshold, limits).</summary>
    public ClassifierOptions Classifier { get; set; } = new();

    /// <summary>Sender rules applied before classification: explicit PHI/none and category per sender.</summary>
    public List<SenderRuleOptions> Senders { get; set; } = [];

    /// <summary>Named recipient groups: group name → addresses, <c>@domain</c> or <c>*@domain</c> patterns.</summary>
    public Dictionary<string, List<string>> Groups { get; set; } = [];

    /// <summary>Per-domain settings.</summary>
    public List<DomainOptions> Domains { get; set; } = [];

    /// <summary>Rules matched in order per recipient; the first match wins.</summary>
    public List<RuleOptions> Rules { get; set; } = [];

    /// <summary>Marketing (HIPAA authorization and suppression) settings.</summary>
    public MarketingOptions Marketing { get; set; } = new();
}
