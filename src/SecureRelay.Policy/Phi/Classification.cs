namespace SecureRelay.Policy.Phi;

/// <summary>The classifier's verdict. Holds detector names, never matched text, so it is safe to
/// log, store and show in explanations.</summary>
/// <param name="IsPhi">The message is treated as PHI.</param>
/// <param name="Score">Summed weight of the fired detectors (the threshold for explicit signals and failures).</param>
/// <param name="Detectors">Names of the detectors that fired, or the signal (<c>header</c>, <c>subject_tag</c>,
/// <c>sender_rule:NAME</c>) or failure (<c>failure:timeout</c>) that decided.</param>
/// <param name="Category">The message category.</param>
/// <param name="Source">What decided.</param>
public sealed record Classification(bool IsPhi, double Score, IReadOnlyList<string> Detectors, MessageCategory Category, ClassificationSource Source)
{
    /// <summary><c>phi</c> or <c>none</c>.</summary>
    public string Verdict => IsPhi ? "phi" : "none";

    /// <summary>The source in snake case: <c>content</c>, <c>header</c>, <c>subject_tag</c>, <c>sender_rule</c>, <c>failure</c>.</summary>
    public string SourceName => Source switch
    {
        ClassificationSource.SubjectTag => "subject_tag",
        ClassificationSource.SenderRule => "sender_rule",
        _ => Source.ToString().ToLowerInvariant(),
    };

    /// <summary>One line: <c>phi score=2.20 source=content detectors=dob,mrn category=treatment</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Verdict} score={Score:0.00} source={SourceName} detectors={(Detectors.Count == 0 ? "-" : string.Join(',', Detectors))} category={Category.ToName()}");
}
