using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>Fires where the regex matches and the validator accepts the match. <paramref name="mayFire"/>,
/// when given, must be a necessary condition of a match (see <see cref="PhiDetector.MayFire"/>).</summary>
internal sealed class RegexDetector(string name, EvidenceSide side, double weight, Regex regex, Func<Match, string, bool>? valid = null, Func<TextProfile, bool>? mayFire = null, bool specific = false, double alsoWhat = 0)
    : PhiDetector(name, side, weight, specific, alsoWhat)
{
    public override bool MayFire(TextProfile profile) => mayFire is null || mayFire(profile);

    public override int Find(string text)
    {
        foreach (Match m in regex.Matches(text))
        {
            if (valid is null || valid(m, text))
            {
                return m.Index;
            }
        }

        return -1;
    }
}
