using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>The compiled, validated <c>classifier:</c> section plus the sender rules. Immutable.
/// Built by <see cref="PolicyCompiler"/>; <see cref="Default"/> is the built-in configuration.</summary>
public sealed class ClassifierSettings
{
    /// <summary>Default time budget (2 s).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    internal ClassifierSettings(
        double threshold,
        IReadOnlyDictionary<string, double> weights,
        IReadOnlyList<Regex> mrnPatterns,
        IReadOnlyList<Regex> memberIdPatterns,
        IReadOnlyList<string> extraMedications,
        IReadOnlyList<string> extraDiagnoses,
        IReadOnlyList<string> subjectTags,
        bool honorNoneHeader,
        bool unreadableIsPhi,
        ClassifierLimits limits,
        IReadOnlyList<SenderRule> senderRules)
    {
        Threshold = threshold;
        Weights = weights;
        MrnPatterns = mrnPatterns;
        MemberIdPatterns = memberIdPatterns;
        SubjectTags = subjectTags;
        HonorNoneHeader = honorNoneHeader;
        UnreadableIsPhi = unreadableIsPhi;
        Limits = limits;
        SenderRules = senderRules;
        (MedicationRegex, MedicationShortcut) = TermRegex([.. MedicalTerms.Medications, .. extraMedications]);
        (DiagnosisRegex, DiagnosisShortcut) = TermRegex([.. MedicalTerms.Diagnoses, .. extraDiagnoses]);
        Detectors = [.. weights.Select(w => BuiltInDetectors.Create(w.Key, w.Value, this))];
    }

    /// <summary>The built-in settings (what applies with no policy file).</summary>
    public static ClassifierSettings Default { get; } = new(
        1.0, BuiltInDetectors.DefaultWeights, [], [], [], [], ["[secure]", "[encrypt]"], true, false, ClassifierLimits.Default, []);

    /// <summary>Names of every built-in detector.</summary>
    public static IReadOnlyCollection<string> DetectorNames => (IReadOnlyCollection<string>)BuiltInDetectors.DefaultWeights.Keys;

    /// <summary>The PHI threshold on the summed weights.</summary>
    public double Threshold { get; }

    /// <summary>Enabled detectors and their weights.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>Subject tags that mark PHI (compared case-insensitively).</summary>
    public IReadOnlyList<string> SubjectTags { get; }

    /// <summary>Whether <c>X-SecureRelay-Classification: none</c> is honoured.</summary>
    public bool HonorNoneHeader { get; }

    /// <summary>Whether attachments that cannot be read as text make the message PHI.</summary>
    public bool UnreadableIsPhi { get; }

    /// <summary>Reading bounds.</summary>
    public ClassifierLimits Limits { get; }

    /// <summary>Sender rules, in order.</summary>
    public IReadOnlyList<SenderRule> SenderRules { get; }

    internal IReadOnlyList<Regex> MrnPatterns { get; }

    internal IReadOnlyList<Regex> MemberIdPatterns { get; }

    internal Regex MedicationRegex { get; }

    internal Regex DiagnosisRegex { get; }

    /// <summary>An exact cheap test for <see cref="MedicationRegex"/> on texts with few word starts (null: none).</summary>
    internal TermShortcut? MedicationShortcut { get; }

    /// <summary>An exact cheap test for <see cref="DiagnosisRegex"/> on texts with few word starts (null: none).</summary>
    internal TermShortcut? DiagnosisShortcut { get; }

    internal IReadOnlyList<PhiDetector> Detectors { get; }

    private static (Regex Regex, TermShortcut? Shortcut) TermRegex(IReadOnlyList<string> terms)
    {
        var alternatives = terms
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => Regex.Escape(t.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(t => t.Length);
        var alternation = string.Join('|', alternatives);
        var regex = new Regex(@"\b(?:" + alternation + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(Patterns.TimeoutMs));
        return (regex, TermShortcut.Create(terms, alternation));
    }
}
