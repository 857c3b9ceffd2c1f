namespace SecureRelay.Policy.Model;

/// <summary>An explicit signal for all mail of a sender (for example "every message from the EHR
/// integration is PHI"). Evaluated in order before the content classifier; the first match wins.</summary>
public sealed class SenderRuleOptions
{
    /// <summary>Name shown in explanations.</summary>
    public string? Name { get; set; }

    /// <summary>Envelope sender addresses or patterns (<c>*@domain</c>, <c>@domain</c>).</summary>
    public List<string>? Sender { get; set; }

    /// <summary>Envelope sender domains (exact, or <c>*.domain</c> for subdomains).</summary>
    public List<string>? SenderDomain { get; set; }

    /// <summary>SMTP AUTH user names.</summary>
    public List<string>? AuthUser { get; set; }

    /// <summary><c>phi</c> or <c>none</c>; absent = let the classifier decide.</summary>
    public string? Classification { get; set; }

    /// <summary><c>treatment</c>, <c>operations</c>, <c>payment</c> or <c>marketing</c>.</summary>
    public string? Category { get; set; }
}
