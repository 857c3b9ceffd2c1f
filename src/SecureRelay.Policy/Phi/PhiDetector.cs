using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>One PHI detector: finds where its evidence starts in a text, or nowhere. Detectors report only
/// an offset, never what they matched, so nothing downstream can leak the matched text.</summary>
/// <param name="name">Stable snake_case name (policy keys, explanations, audit).</param>
/// <param name="side">What the evidence says.</param>
/// <param name="weight">Weight on <paramref name="side"/>.</param>
/// <param name="specific">For WHAT evidence: a fact about someone's care (a result, a visit, a code after a
/// diagnosis label), as opposed to health vocabulary that a newsletter has too.</param>
/// <param name="alsoWhat">Weight this detector adds to WHAT as well (an MRN or a "Patient:" label says the
/// person is someone's patient).</param>
internal abstract class PhiDetector(string name, EvidenceSide side, double weight, bool specific = false, double alsoWhat = 0)
{
    public string Name { get; } = name;

    public EvidenceSide Side { get; } = side;

    public double Weight { get; } = weight;

    public bool Specific { get; } = specific;

    public double AlsoWhat { get; } = alsoWhat;

    /// <summary>Offset of the first accepted match, or -1.</summary>
    public abstract int Find(string text);

    /// <summary>False only when the detector provably cannot fire on the profiled text (a necessary
    /// condition of its expression is missing), so that <see cref="Find"/> can be skipped. The
    /// default is true: no shortcut.</summary>
    public virtual bool MayFire(TextProfile profile) => true;

    /// <summary>Offset of the first code matching <paramref name="code"/> and accepted by <paramref name="valid"/>
    /// that starts within <paramref name="window"/> characters after a <paramref name="label"/> match, or -1.</summary>
    protected static int CodeAfterLabel(string text, Regex label, Regex code, int window, Func<string, bool> valid)
    {
        foreach (Match l in label.Matches(text))
        {
            var start = l.Index + l.Length;
            var length = Math.Min(window, text.Length - start);
            foreach (Match c in code.Matches(text.Substring(start, length)))
            {
                if (valid(c.Value))
                {
                    return l.Index;
                }
            }
        }

        return -1;
    }
}
