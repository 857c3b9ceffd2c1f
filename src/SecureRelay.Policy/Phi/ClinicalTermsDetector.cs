namespace SecureRelay.Policy.Phi;

/// <summary>Health vocabulary: two distinct clinical terms ("asthma", "inhaler"; "sertraline",
/// "cholecystectomy"). General WHAT evidence: a newsletter has it too, so it counts only with a person,
/// and counter-evidence cancels it.</summary>
internal sealed class ClinicalTermsDetector(double weight, ClinicalTermIndex index) : PhiDetector("clinical_terms", EvidenceSide.What, weight)
{
    public override int Find(string text)
    {
        var (_, hits) = index.Scan(text);
        if (hits.Count < 2)
        {
            return -1;
        }

        var first = text.AsSpan(hits[0].Start, hits[0].End - hits[0].Start);
        foreach (var hit in hits)
        {
            if (!text.AsSpan(hit.Start, hit.End - hit.Start).Equals(first, StringComparison.OrdinalIgnoreCase))
            {
                return hits[0].Start;
            }
        }

        return -1;
    }
}
