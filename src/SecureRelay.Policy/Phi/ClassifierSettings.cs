using System.Text.RegularExpressions;
using SecureRelay.Policy.Phi.Extraction.Ocr;
using SecureRelay.Policy.Phi.Lexicons;
using SecureRelay.Policy.Phi.Linear;

namespace SecureRelay.Policy.Phi;

/// <summary>The compiled, validated <c>classifier:</c> section plus the sender rules. Immutable.
/// Built by <see cref="PolicyCompiler"/>; <see cref="Default"/> is the built-in configuration.</summary>
public sealed class ClassifierSettings
{
    private static readonly Lazy<ClassifierSettings> BuiltIn = new(() => new(
        1.0, BuiltInDetectors.DefaultWeights, [], [], [], [], ["[secure]", "[encrypt]"], [], ClassifierLimits.Default, [], Lexicon.Load(LexiconPaths.Default))
    {
        Ocr = Verified(OcrSettings.Default),
        Model = LinearDetector.Default,
    });

    internal ClassifierSettings(
        double threshold,
        IReadOnlyDictionary<string, double> weights,
        IReadOnlyList<Regex> mrnPatterns,
        IReadOnlyList<Regex> memberIdPatterns,
        IReadOnlyList<string> extraMedications,
        IReadOnlyList<string> extraDiagnoses,
        IReadOnlyList<string> subjectTags,
        IReadOnlyList<string> noneHeaderUsers,
        ClassifierLimits limits,
        IReadOnlyList<SenderRule> senderRules,
        Lexicon lexicon)
    {
        Threshold = threshold;
        Weights = weights;
        MrnPatterns = mrnPatterns;
        MemberIdPatterns = memberIdPatterns;
        SubjectTags = subjectTags;
        NoneHeaderUsers = noneHeaderUsers;
        Lexicon = lexicon;
        Limits = limits;
        SenderRules = senderRules;
        (MedicationRegex, MedicationShortcut) = TermRegex([.. MedicalTerms.Medications, .. extraMedications]);
        (DiagnosisRegex, DiagnosisShortcut) = TermRegex([.. MedicalTerms.Diagnoses, .. extraDiagnoses]);
        ClinicalTerms = new ClinicalTermIndex(
            [.. ClinicalVocabulary.Terms, .. MedicalTerms.Medications, .. MedicalTerms.Diagnoses, .. extraMedications, .. extraDiagnoses], lexicon);
        // WHO and record formats first, then WHAT, then counter-evidence: the classifier stops early when the
        // later sides cannot change the verdict (nobody identifiable; no health content).
        Detectors = [.. weights.Select(w => BuiltInDetectors.Create(w.Key, w.Value, this))
            .OrderBy(d => d.Side switch { EvidenceSide.What => 1, EvidenceSide.Against => 2, _ => 0 })];
    }

    /// <summary>The built-in settings (what applies with no policy file).</summary>
    /// <exception cref="LexiconMissingException">A word list is not installed.</exception>
    /// <exception cref="OcrEngineMissingException">Tesseract or one of its languages is not installed.</exception>
    public static ClassifierSettings Default => BuiltIn.Value;

    /// <summary>Names of every built-in detector.</summary>
    public static IReadOnlyCollection<string> DetectorNames => (IReadOnlyCollection<string>)BuiltInDetectors.DefaultWeights.Keys;

    /// <summary>The threshold each side (WHO and WHAT) must reach for a PHI verdict.</summary>
    public double Threshold { get; }

    /// <summary>Enabled detectors and their weights.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; }

    /// <summary>Subject tags that mark PHI (compared case-insensitively).</summary>
    public IReadOnlyList<string> SubjectTags { get; }

    /// <summary>Authenticated users whose <c>X-SecureRelay-Classification: none</c> is honoured (lowering
    /// protection is a privilege; empty by default). Headers that raise protection are open to all.</summary>
    public IReadOnlyList<string> NoneHeaderUsers { get; }

    /// <summary>The word lists.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>Reading bounds.</summary>
    public ClassifierLimits Limits { get; }

    /// <summary>Sender rules, in order.</summary>
    public IReadOnlyList<SenderRule> SenderRules { get; }

    /// <summary>OCR of images and scanned PDF pages (default: <see cref="OcrSettings.Disabled"/> for settings built
    /// in code; the built-in and compiled settings enable it once Tesseract is verified installed).</summary>
    public OcrSettings Ocr { get; init; } = OcrSettings.Disabled;

    /// <summary>The statistical detector after the rules; null when the policy turns it off.</summary>
    internal LinearDetector? Model { get; init; }

    internal IReadOnlyList<Regex> MrnPatterns { get; }

    internal IReadOnlyList<Regex> MemberIdPatterns { get; }

    internal Regex MedicationRegex { get; }

    internal Regex DiagnosisRegex { get; }

    /// <summary>An exact cheap test for <see cref="MedicationRegex"/> on texts with few word starts (null: none).</summary>
    internal TermShortcut? MedicationShortcut { get; }

    /// <summary>An exact cheap test for <see cref="DiagnosisRegex"/> on texts with few word starts (null: none).</summary>
    internal TermShortcut? DiagnosisShortcut { get; }

    internal IReadOnlyList<PhiDetector> Detectors { get; }

    /// <summary>Clinical vocabulary: named everyday words, the term lists, the lexicon's technical terms.</summary>
    internal ClinicalTermIndex ClinicalTerms { get; }

    /// <summary><paramref name="ocr"/>, once its engine and languages are known to be installed.</summary>
    /// <exception cref="OcrEngineMissingException">They are not.</exception>
    internal static OcrSettings Verified(OcrSettings ocr)
    {
        TesseractProcess.Verify(ocr);
        return ocr;
    }

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
