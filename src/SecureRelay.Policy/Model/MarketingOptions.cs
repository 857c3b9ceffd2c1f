namespace SecureRelay.Policy.Model;

/// <summary>Marketing rules: PHI in marketing requires a recorded authorization, and the suppression
/// list applies.</summary>
public sealed class MarketingOptions
{
    /// <summary>Refuse marketing that carries PHI when the recipient has no recorded authorization (default true).</summary>
    public bool RequireAuthorization { get; set; } = true;

    /// <summary>Apply the suppression list to marketing (default true).</summary>
    public bool ApplySuppression { get; set; } = true;

    /// <summary>Consent scope looked up in the consent store (default <c>marketing</c>).</summary>
    public string ConsentScope { get; set; } = "marketing";
}
