namespace SecureRelay.Policy.Model;

/// <summary>One policy rule: conditions under <c>match</c> (all must hold) and what to do.</summary>
public sealed class RuleOptions
{
    /// <summary>Unique rule name, reported in decisions.</summary>
    public string Name { get; set; } = "";

    /// <summary>Conditions; absent = always matches.</summary>
    public MatchOptions? Match { get; set; }

    /// <summary><c>deliver</c> (default), <c>reject</c> or <c>hold</c>.</summary>
    public string? Action { get; set; }

    /// <summary>Ordered delivery methods; absent = domain or default list by PHI verdict.</summary>
    public List<string>? Methods { get; set; }

    /// <summary>The SMTP reply for <c>action: reject</c>.</summary>
    public RejectOptions? Reject { get; set; }

    /// <summary>Sign with S/MIME.</summary>
    public bool? SignSmime { get; set; }

    /// <summary>Require TLS (RFC 8689 REQUIRETLS) to the next hop.</summary>
    public bool? RequireTls { get; set; }
}
