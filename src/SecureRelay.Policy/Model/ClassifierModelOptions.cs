namespace SecureRelay.Policy.Model;

/// <summary>The <c>classifier.model:</c> section: the statistical detector that runs after the rules and can
/// only raise a clean verdict to uncertain.</summary>
public sealed class ClassifierModelOptions
{
    /// <summary>Whether the model runs (default true).</summary>
    public bool? Enabled { get; set; }

    /// <summary>P(phi) at or above which a clean verdict becomes uncertain, greater than 0 and less than 1
    /// (default: the threshold stored with the model, chosen on held-out corpora).</summary>
    public double? Threshold { get; set; }
}
