using System.Globalization;

namespace SecureRelay.Policy.Phi;

/// <summary>The classifier's verdict with its evidence. Holds detector names and offsets, never matched
/// text, so it is safe to log, store and show in explanations.</summary>
/// <param name="Verdict">Clean, uncertain or PHI.</param>
/// <param name="Who">Summed WHO weight (an identifiable person).</param>
/// <param name="What">Summed WHAT weight after counter-evidence (health information).</param>
/// <param name="Evidence">The detectors that fired, with offsets (empty for explicit signals and failures).</param>
/// <param name="Category">The message category.</param>
/// <param name="Source">What decided.</param>
/// <param name="Signal">For explicit signals and failures: <c>header</c>, <c>subject_tag</c>,
/// <c>sender_rule:NAME</c>, <c>failure:REASON</c>, <c>unreadable:REASON</c>.</param>
public sealed record Classification(
    PhiVerdict Verdict, double Who, double What, IReadOnlyList<Evidence> Evidence, MessageCategory Category, ClassificationSource Source, string? Signal = null)
{
    /// <summary>Health information about an identifiable person.</summary>
    public bool IsPhi => Verdict == PhiVerdict.Phi;

    /// <summary>Anything but clean: must never leave unprotected.</summary>
    public bool IsProtected => Verdict != PhiVerdict.Clean;

    /// <summary>The smaller of the two sides: how far the message is from clean.</summary>
    public double Score => Math.Min(Who, What);

    /// <summary>The verdict as the decision record, audit and metrics carry it.</summary>
    public VerdictClass VerdictClass => Verdict switch
    {
        PhiVerdict.Phi => VerdictClass.Phi,
        PhiVerdict.Uncertain => VerdictClass.Uncertain,
        _ => VerdictClass.Clean,
    };

    /// <summary><c>clean</c>, <c>uncertain</c> or <c>phi</c> (<see cref="VerdictClasses.ToName"/>).</summary>
    public string VerdictName => VerdictClass.ToName();

    /// <summary>Names of the detectors that fired, or the signal that decided.</summary>
    public IReadOnlyList<string> Detectors => Signal is { } s ? [s, .. Evidence.Select(e => e.Detector)] : [.. Evidence.Select(e => e.Detector)];

    /// <summary>The source in snake case: <c>content</c>, <c>header</c>, <c>subject_tag</c>, <c>sender_rule</c>, <c>failure</c>.</summary>
    public string SourceName => Source switch
    {
        ClassificationSource.SubjectTag => "subject_tag",
        ClassificationSource.SenderRule => "sender_rule",
        _ => Source.ToString().ToLowerInvariant(),
    };

    /// <summary>One line: <c>phi who=2.00 what=1.50 source=content evidence=dob@12,care_event@80 category=treatment</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{VerdictName} who={Who:0.00} what={What:0.00} source={SourceName} evidence={(Detectors.Count == 0 ? "-" : string.Join(',', Signal is null ? Evidence.Select(e => e.ToString()) : [Signal, .. Evidence.Select(e => e.ToString())]))} category={Category.ToName()}");
}
