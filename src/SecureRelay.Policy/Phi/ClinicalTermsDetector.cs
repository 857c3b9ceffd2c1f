using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi;

/// <summary>Clinical vocabulary from the medical word list that is not everyday language ("sertraline",
/// "cholecystectomy", "metformin"): two distinct terms are health content. General WHAT evidence: a
/// newsletter has it too, so it counts only with a person.</summary>
internal sealed class ClinicalTermsDetector(double weight, Lexicon lexicon) : PhiDetector("clinical_terms", EvidenceSide.What, weight)
{
    public override int Find(string text)
    {
        var span = text.AsSpan();
        string? firstTerm = null;
        var firstAt = -1;
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsAsciiLetter(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && char.IsAsciiLetter(span[i]))
            {
                i++;
            }

            var token = span[start..i];
            if (token.Length < 6 || token.Length > 40 || (start > 0 && char.IsLetterOrDigit(span[start - 1])) || (i < span.Length && char.IsLetterOrDigit(span[i])))
            {
                continue;
            }

            if (lexicon.IsClinicalTerm(token))
            {
                if (firstTerm is null)
                {
                    firstTerm = token.ToString();
                    firstAt = start;
                }
                else if (!token.Equals(firstTerm, StringComparison.OrdinalIgnoreCase))
                {
                    return firstAt;
                }
            }
        }

        return -1;
    }
}
