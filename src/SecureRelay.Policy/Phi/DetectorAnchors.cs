using System.Buffers;

namespace SecureRelay.Policy.Phi;

/// <summary>The keywords some detector expressions cannot match without (see <see cref="TextProfile"/>).
/// Each set lists, case-insensitively, a word that begins every alternative of the expression's
/// leading group, right after the group's <c>\b</c>; the proof is written beside each set. A text
/// without any of them (at a word start) cannot fire that detector, so the detector is skipped.</summary>
internal static class DetectorAnchors
{
    /// <summary><see cref="Patterns.LabResult"/> starts <c>\b(?:Hb\s?A1c|A1c|glucose|LDL|...|CD4)\b</c>:
    /// each alternative begins with one of these (Hb for Hb A1c, free for free T4, platelet for
    /// platelets?, vitamin for vitamin D, viral for viral load).</summary>
    public static SearchValues<string> LabLabels { get; } = Create(
        "hb", "a1c", "glucose", "ldl", "hdl", "cholesterol", "triglycerides", "creatinine", "egfr", "tsh", "free", "hemoglobin",
        "hgb", "hematocrit", "hct", "wbc", "rbc", "platelet", "potassium", "sodium", "alt", "ast", "psa", "inr", "bun", "vitamin",
        "ferritin", "troponin", "bnp", "crp", "viral", "cd4");

    /// <summary><see cref="Patterns.Icd10Label"/> is <c>\b(?:ICD...|dx|diagnos[ie]s|diag|assessment|impression|problem\s+list)\b</c>.</summary>
    public static SearchValues<string> Icd10Labels { get; } = Create("icd", "dx", "diag", "assessment", "impression", "problem");

    /// <summary><see cref="Patterns.SsnLabelled"/> starts <c>\b(?:SSN|SS\#|social\s+security...)</c>.</summary>
    public static SearchValues<string> SsnLabels { get; } = Create("ssn", "ss#", "social");

    /// <summary>The literal that every match of <see cref="Patterns.Hl7Header"/> contains (case-sensitive).</summary>
    public const string Hl7Header = "MSH|^~\\&";

    /// <summary>Anchors of a term expression built by <see cref="ClassifierSettings"/>: <c>\b(?:t1|t2|...)\b</c>
    /// where each term is its words, escaped, joined by <c>\s+</c>. Every word of a term occurs literally in
    /// a match, preceded by <c>\b</c> (first word) or whitespace (later words), so the longest word of each
    /// term is a necessary anchor. Null (no prefilter) when a chosen word has a non-ASCII character or does
    /// not begin with an ASCII letter or digit, where the ASCII reasoning of <see cref="TextProfile"/> would
    /// not hold.</summary>
    public static SearchValues<string>? ForTerms(IEnumerable<string> terms)
    {
        var anchors = new List<string>();
        foreach (var term in terms)
        {
            if (string.IsNullOrWhiteSpace(term))
            {
                continue;
            }

            var longest = term.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length)!;
            if (!System.Text.Ascii.IsValid(longest) || !char.IsAsciiLetterOrDigit(longest[0]))
            {
                return null;
            }

            anchors.Add(longest);
        }

        return anchors.Count == 0 ? null : Create([.. anchors.Distinct(StringComparer.OrdinalIgnoreCase)]);
    }

    private static SearchValues<string> Create(params string[] words) => SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);
}
