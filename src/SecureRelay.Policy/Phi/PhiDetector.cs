using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>One PHI detector: fires or not on a text. Detectors report only whether they fired,
/// never what they matched, so nothing downstream can leak the matched text.</summary>
internal abstract class PhiDetector(string name, double weight)
{
    public string Name { get; } = name;

    public double Weight { get; } = weight;

    public abstract bool Detect(string text);

    /// <summary>False only when the detector provably cannot fire on the profiled text (a necessary
    /// condition of its expression is missing), so that <see cref="Detect"/> can be skipped. The
    /// default is true: no shortcut.</summary>
    public virtual bool MayFire(TextProfile profile) => true;

    /// <summary>True when a code matching <paramref name="code"/> and accepted by <paramref name="valid"/>
    /// starts within <paramref name="window"/> characters after a <paramref name="label"/> match.</summary>
    protected static bool CodeAfterLabel(string text, Regex label, Regex code, int window, Func<string, bool> valid)
    {
        foreach (Match l in label.Matches(text))
        {
            var start = l.Index + l.Length;
            var length = Math.Min(window, text.Length - start);
            foreach (Match c in code.Matches(text.Substring(start, length)))
            {
                if (valid(c.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>Fires when the regex matches and the validator accepts the match. <paramref name="mayFire"/>,
/// when given, must be a necessary condition of a match (see <see cref="PhiDetector.MayFire"/>).</summary>
internal sealed class RegexDetector(string name, double weight, Regex regex, Func<Match, string, bool>? valid = null, Func<TextProfile, bool>? mayFire = null) : PhiDetector(name, weight)
{
    public override bool MayFire(TextProfile profile) => mayFire is null || mayFire(profile);

    public override bool Detect(string text)
    {
        if (valid is null)
        {
            // Only whether a match exists matters: the same answer without locating or capturing it.
            return regex.IsMatch(text);
        }

        foreach (Match m in regex.Matches(text))
        {
            if (valid(m, text))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Fires when any of several regexes (organisation patterns) matches.</summary>
internal sealed class AnyRegexDetector(string name, double weight, IReadOnlyList<Regex> regexes) : PhiDetector(name, weight)
{
    public override bool Detect(string text) => regexes.Any(r => r.IsMatch(text));
}

/// <summary>Fires when a code follows its label closely (NPI, DEA, CPT, NDC).</summary>
internal sealed class LabelledCodeDetector(string name, double weight, Regex label, Regex code, int window, Func<string, bool> valid) : PhiDetector(name, weight)
{
    public override bool Detect(string text) => CodeAfterLabel(text, label, code, window, valid);
}
