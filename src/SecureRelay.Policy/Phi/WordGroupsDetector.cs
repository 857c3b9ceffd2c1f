namespace SecureRelay.Policy.Phi;

/// <summary>Evidence found by words rather than by an expression: every group has a word (or a two-word
/// phrase) in the text, whole words compared ignoring case, and at least <paramref name="distinct"/> different
/// entries occur. A hash lookup per word of the text (the words <see cref="ClinicalTermIndex.Scan"/> already split):
/// no automaton to build or keep in memory.</summary>
internal sealed class WordGroupsDetector(string name, EvidenceSide side, double weight, IReadOnlyList<HashSet<string>> groups, int distinct, ClinicalTermIndex index)
    : PhiDetector(name, side, weight)
{
    /// <summary>Longest two-word phrase looked up.</summary>
    private const int MaxPhrase = 48;

    public override int Find(string text)
    {
        var found = new bool[groups.Count];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Span<char> phrase = stackalloc char[MaxPhrase];
        var first = -1;
        var previous = (Start: -1, End: -1);
        foreach (var (start, end) in index.Scan(text).Words)
        {
            var word = text.AsSpan(start, end - start);
            Match(word, start);
            if (previous.Start >= 0 && previous.End - previous.Start + 1 + word.Length <= MaxPhrase && start - previous.End == 1)
            {
                var length = previous.End - previous.Start;
                text.AsSpan(previous.Start, length).CopyTo(phrase);
                phrase[length] = ' ';
                word.CopyTo(phrase[(length + 1)..]);
                Match(phrase[..(length + 1 + word.Length)], previous.Start);
            }

            previous = (start, end);
            if (seen.Count >= distinct && Array.IndexOf(found, false) < 0)
            {
                return first;
            }
        }

        return -1;

        void Match(ReadOnlySpan<char> candidate, int at)
        {
            for (var g = 0; g < groups.Count; g++)
            {
                var lookup = groups[g].GetAlternateLookup<ReadOnlySpan<char>>();
                if (lookup.TryGetValue(candidate, out var entry))
                {
                    found[g] = true;
                    seen.Add(entry);
                    first = first < 0 ? at : first;
                }
            }
        }
    }
}
