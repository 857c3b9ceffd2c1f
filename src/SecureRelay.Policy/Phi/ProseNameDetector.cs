using System.Text.RegularExpressions;
using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi;

/// <summary>A name as the subject of a sentence ("Marcus has missed two sessions", "Priya will be out"):
/// weaker than a name found by a greeting or a label, so it needs company on the WHO side (personal
/// framing: "after her hip replacement"). The name must be unambiguous (not also an everyday word) and
/// not a clinician's ("Dr. Patel will present").</summary>
internal sealed class ProseNameDetector(double weight, Lexicon lexicon) : PhiDetector("prose_name", EvidenceSide.Who, weight)
{
    public override int Find(string text)
    {
        foreach (Match m in EvidencePatterns.ProseName().Matches(text))
        {
            if (PersonNameDetector.AfterTitle(text, m.Index))
            {
                continue;
            }

            // A name that is also a word counts when what follows is about care ("Jorge A. has missed").
            var name = m.Groups["name"].ValueSpan;
            if (lexicon.IsUnambiguousName(name) || ((lexicon.IsName(name) || !lexicon.IsWord(name)) && FollowedByCare(text, m.Groups["verb"])))
            {
                return m.Index;
            }
        }

        return -1;
    }

    /// <summary>The sentence goes on about care from the verb after the name (checked only when the name
    /// alone does not decide).</summary>
    private static bool FollowedByCare(string text, Group verb) =>
        EvidencePatterns.CareVerb().IsMatch(text.AsSpan(verb.Index, Math.Min(40, text.Length - verb.Index)).ToString());
}
