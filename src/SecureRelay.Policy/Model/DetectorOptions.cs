namespace SecureRelay.Policy.Model;

/// <summary>Settings of one detector.</summary>
public sealed class DetectorOptions
{
    /// <summary>Turn the detector off.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Weight added to the score when the detector fires.</summary>
    public double? Weight { get; set; }
}
