namespace SecureRelay.Policy.Model;

/// <summary>Rule conditions. Every condition given must hold; list conditions hold when any item matches.</summary>
public sealed class MatchOptions
{
    /// <summary>Envelope sender addresses or patterns (<c>*@domain</c>, <c>@domain</c>).</summary>
    public List<string>? Sender { get; set; }

    /// <summary>Envelope sender domains (<c>*.domain</c> for subdomains).</summary>
    public List<string>? SenderDomain { get; set; }

    /// <summary>SMTP AUTH user names.</summary>
    public List<string>? AuthUser { get; set; }

    /// <summary>Recipient domains (<c>*.domain</c> for subdomains, <c>*</c> for any).</summary>
    public List<string>? RecipientDomain { get; set; }

    /// <summary>Names of recipient groups (see <c>groups</c>).</summary>
    public List<string>? RecipientGroup { get; set; }

    /// <summary>Header conditions: header name → regular expression on its (decoded) value.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Regular expression on the decoded subject.</summary>
    public string? Subject { get; set; }

    /// <summary>The PHI verdict.</summary>
    public bool? Phi { get; set; }

    /// <summary>Smallest PHI score (inclusive).</summary>
    public double? MinScore { get; set; }

    /// <summary>Largest PHI score (exclusive).</summary>
    public double? MaxScore { get; set; }

    /// <summary>Message categories.</summary>
    public List<string>? Category { get; set; }

    /// <summary>Smallest message size in bytes (inclusive).</summary>
    public long? MinSize { get; set; }

    /// <summary>Largest message size in bytes (inclusive).</summary>
    public long? MaxSize { get; set; }
}
