namespace SecureRelay.Policy.Model;

/// <summary>The method lists used when no rule (or a rule without <c>methods</c>) decides.</summary>
public sealed class DefaultsOptions
{
    /// <summary>Methods for messages classified as PHI.</summary>
    public List<string>? PhiMethods { get; set; }

    /// <summary>Methods for messages classified as uncertain (never opportunistic).</summary>
    public List<string>? UncertainMethods { get; set; }

    /// <summary>Methods for everything else.</summary>
    public List<string>? OtherMethods { get; set; }

    /// <summary>Sign S/MIME by default.</summary>
    public bool SignSmime { get; set; }
}
