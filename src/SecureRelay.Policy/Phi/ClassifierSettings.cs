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
        MedicationRegex = TermRegex([.. MedicalTerms.Medications, .. extraMedications]);
        DiagnosisRegex = TermRegex([.. MedicalTerms.Diagnoses, .. extraDiagnoses]);
        MedicationFirstChars = TermFirstChars([.. MedicalTerms.Medications, .. extraMedications]);
        DiagnosisFirstChars = TermFirstChars([.. MedicalTerms.Diagnoses, .. extraDiagnoses]);
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

    /// <summary>Every character a <see cref="MedicationRegex"/> match can begin with (null: no shortcut).</summary>
    internal System.Buffers.SearchValues<char>? MedicationFirstChars { get; }

    /// <summary>Every character a <see cref="DiagnosisRegex"/> match can begin with (null: no shortcut).</summary>
    internal System.Buffers.SearchValues<char>? DiagnosisFirstChars { get; }

    internal IReadOnlyList<PhiDetector> Detectors { get; }

    /// <summary>The first characters of the terms, in both cases (plus U+212A KELVIN SIGN for k, the only
    /// non-ASCII character the expressions' case-insensitive matching equates with an ASCII letter; a test
    /// enumerates them). Null when a term begins with anything but an ASCII letter or digit, where
    /// <see cref="TextProfile.HasWordStartIn"/> would not hold.</summary>
    private static System.Buffers.SearchValues<char>? TermFirstChars(IEnumerable<string> terms)
    {
        var chars = new HashSet<char>();
        foreach (var term in terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()))
        {
            var c = term[0];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }

            chars.Add(char.ToLowerInvariant(c));
            chars.Add(char.ToUpperInvariant(c));
            if (c is 'k' or 'K')
            {
                chars.Add('\u212A');
            }
        }

        return chars.Count == 0 ? null : System.Buffers.SearchValues.Create([.. chars]);
    }

    private static Regex TermRegex(IEnumerable<string> terms)
    {
        var alternatives = terms
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => Regex.Escape(t.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(t => t.Length);
        return new Regex(@"\b(?:" + string.Join('|', alternatives) + @")\b",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromMilliseconds(Patterns.TimeoutMs));
    }
}
