using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>Fires at the earliest match, among several regexes, that the validator accepts.</summary>
internal sealed class AnyMatchDetector(string name, EvidenceSide side, double weight, IReadOnlyList<Regex> regexes, Func<Match, bool> valid) : PhiDetector(name, side, weight)
{
    public override int Find(string text)
    {
        var best = -1;
        foreach (var regex in regexes)
        {
            foreach (Match m in regex.Matches(text))
            {
                if (valid(m))
                {
                    best = best < 0 ? m.Index : Math.Min(best, m.Index);
                    break;
                }
            }
        }

        return best;
    }
}
