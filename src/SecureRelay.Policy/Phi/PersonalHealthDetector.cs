using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>A clinical term made someone's: "your colonoscopy", "her hip replacement", "my CPAP",
/// "Jayden's asthma", "su biopsia", "following spinal fusion", "s/p ACL reconstruction"; or put in a
/// time ("MRI on October 22", "colonoscopy ... Monday, June 16"); or given a dose ("naltrexone 50 mg").
/// Specific WHAT evidence: a fact about a person's care.</summary>
internal sealed partial class PersonalHealthDetector(double weight, ClinicalTermIndex index) : PhiDetector("personal_health", EvidenceSide.What, weight, specific: true)
{
    /// <summary>Words a clinical term may follow (within three words) to be about someone.</summary>
    private static readonly HashSet<string> Owners = new(StringComparer.OrdinalIgnoreCase)
    {
        "your", "you", "his", "her", "their", "my", "su", "sus", "mi", "usted", "after", "following", "recovering", "s/p", "post-op", "postop",
        "tras", "después", "despues",
    };

    public override int Find(string text)
    {
        var (words, hits) = index.Scan(text);
        if (hits.Count == 0)
        {
            return -1;
        }

        var wordAt = new Dictionary<int, int>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            wordAt[words[i].Start] = i;
        }

        foreach (var hit in hits)
        {
            if (!hit.Clear || !wordAt.TryGetValue(hit.Start, out var w))
            {
                continue;
            }

            // An owner word (or a possessive name, or "s/p") up to three words before, within the sentence.
            for (var k = w - 1; k >= Math.Max(0, w - 3); k--)
            {
                var (s, e) = words[k];
                var word = text.AsSpan(s, e - s);
                if (text.AsSpan(e, words[k + 1].Start - e).IndexOfAny(".!?\n") >= 0)
                {
                    break;
                }

                var historyOf = word is "of" && k > 0 && text.AsSpan(words[k - 1].Start, words[k - 1].End - words[k - 1].Start) is "history" or "hx" or "History";
                if (historyOf || Owners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word) || word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal)
                    || (word is "p" && s >= 2 && text.AsSpan(s - 2, 2) is "s/"))
                {
                    return s;
                }
            }

            // A form or calendar field whose value is clinical: "SUMMARY: CT chest (lung screening)", "reason=oncology".
            var lineStart = text.LastIndexOf('\n', Math.Max(0, hit.Start - 1)) + 1;
            if (hit.Start - lineStart <= 60 && FieldLabel().IsMatch(text.AsSpan(lineStart, hit.Start - lineStart).ToString()))
            {
                return hit.Start;
            }

            // A date or a dose close after the term.
            var tail = text.AsSpan(hit.End, Math.Min(48, text.Length - hit.End)).ToString();
            if (DateOrDose().IsMatch(tail))
            {
                return hit.Start;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"(?:^|[;,|]\s*)[ \t>*]*(?i:summary|description|appointment(?:\s+type)?|reason(?:\s+for\s+(?:visit|test|referral|leave))?|procedure|visit(?:\s+type)?|service|exam|test|treatment|basis|condition|motivo|cita|servicio|tratamiento|keywords|comments|subject|re)\s*[:=]", RegexOptions.CultureInvariant, Patterns.TimeoutMs)]
    private static partial Regex FieldLabel();

    [GeneratedRegex(@"^[^.!?\n]{0,40}?\b(?:on|for|at|is|was|scheduled|dated|el|para)\s+(?:\w+,?\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+de\s+\w+|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|tomorrow\b|today\b|ma[ñn]ana\b|\d{4}-\d{2}-\d{2}\b)|^\s*(?:[\w()/-]+\s+){0,2}?\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|mL|units?|IU|g)\b|^[^.!?\n]{0,20}?\d+(?:\.\d+)?\s*(?:mg|mcg|ml)\s*(?:tablets?|tabs?|capsules?|caps)\b|^\s*(?:cycle|round|day|week|dose)\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Patterns.TimeoutMs)]
    private static partial Regex DateOrDose();
}
