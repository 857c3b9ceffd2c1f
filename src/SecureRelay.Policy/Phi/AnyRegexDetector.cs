using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>Fires where the first of several regexes (organisation patterns) matches.</summary>
internal sealed class AnyRegexDetector(string name, EvidenceSide side, double weight, IReadOnlyList<Regex> regexes, double alsoWhat = 0)
    : PhiDetector(name, side, weight, alsoWhat: alsoWhat)
{
    public override int Find(string text)
    {
        foreach (var regex in regexes)
        {
            var m = regex.Match(text);
            if (m.Success)
            {
                return m.Index;
            }
        }

        return -1;
    }
}
