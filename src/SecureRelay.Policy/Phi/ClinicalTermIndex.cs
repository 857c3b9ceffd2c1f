using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi;

/// <summary>Finds clinical terms in a text in one pass over its words: the named everyday clinical words
/// (<see cref="ClinicalVocabulary"/>), the medication and diagnosis lists (with the policy's additions),
/// and the technical vocabulary of the medical word list. Multi-word terms are matched word by word.</summary>
internal sealed class ClinicalTermIndex
{
    /// <summary>Terms that are clinical only in context: they count as vocabulary but never make a phrase
    /// such as "your crown" or "her release" about someone's health on their own.</summary>
    private static readonly HashSet<string> Ambiguous = new(StringComparer.OrdinalIgnoreCase)
    {
        "positive", "stage", "cast", "release", "fusion", "disc", "filling", "crown", "braces", "cultures", "bypass", "operation",
        "booster", "implant", "extraction", "reconstruction", "discharge", "stitches", "labs", "dental", "cavity",
        "screening", "injury", "wound", "fever", "rash", "infection", "symptoms", "benign", "tumor", "receta", "terapia",
    };

    private readonly Dictionary<string, List<string[]>>.AlternateLookup<ReadOnlySpan<char>> _byFirstWord;
    private readonly Lexicon _lexicon;

    public ClinicalTermIndex(IEnumerable<string> terms, Lexicon lexicon)
    {
        _lexicon = lexicon;
        var byFirst = new Dictionary<string, List<string[]>>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in terms)
        {
            var words = term.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (!byFirst.TryGetValue(words[0], out var list))
            {
                byFirst[words[0]] = list = [];
            }

            if (!list.Any(w => w.SequenceEqual(words, StringComparer.OrdinalIgnoreCase)))
            {
                list.Add(words);
            }
        }

        foreach (var list in byFirst.Values)
        {
            list.Sort((a, b) => b.Length.CompareTo(a.Length)); // longest first
        }

        _byFirstWord = byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>A clinical term found: where it starts, where it ends, and whether it speaks of health on
    /// its own (not one of the ambiguous words).</summary>
    public readonly record struct Hit(int Start, int End, bool Clear);

    /// <summary>The words of a text: start and end offsets of runs of letters, digits, apostrophes and hyphens.</summary>
    private static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || ((text[i] is '\'' or '’' or '-') && i + 1 < text.Length && char.IsLetter(text[i + 1]))))
            {
                i++;
            }

            words.Add((start, i));
        }

        return words;
    }

    [ThreadStatic]
    private static (string Text, ClinicalTermIndex Index, List<(int Start, int End)> Words, List<Hit> Hits)? t_last;

    /// <summary>The words and clinical terms of a text, computed once per text and thread (two detectors
    /// read them one after the other).</summary>
    public (List<(int Start, int End)> Words, List<Hit> Hits) Scan(string text)
    {
        if (t_last is { } last && ReferenceEquals(last.Text, text) && ReferenceEquals(last.Index, this))
        {
            return (last.Words, last.Hits);
        }

        var words = Words(text);
        var hits = Find(text, words);
        t_last = (text, this, words, hits);
        return (words, hits);
    }

    /// <summary>Every clinical term, in order (a matched multi-word term is not matched again inside).</summary>
    private List<Hit> Find(string text, List<(int Start, int End)> words)
    {
        var hits = new List<Hit>();
        for (var w = 0; w < words.Count; w++)
        {
            var (start, end) = words[w];
            var token = text.AsSpan(start, end - start);
            if (_byFirstWord.TryGetValue(token, out var candidates))
            {
                var matched = false;
                foreach (var term in candidates)
                {
                    if (w + term.Length <= words.Count && Matches(text, words, w, term))
                    {
                        var last = words[w + term.Length - 1].End;
                        hits.Add(new Hit(start, last, term.Length > 1 || !Ambiguous.Contains(term[0])));
                        w += term.Length - 1;
                        matched = true;
                        break;
                    }
                }

                if (matched)
                {
                    continue;
                }
            }

            if (token.Length >= 6 && _lexicon.IsClinicalTerm(token))
            {
                hits.Add(new Hit(start, end, true));
            }
        }

        return hits;
    }

    private static bool Matches(string text, List<(int Start, int End)> words, int at, string[] term)
    {
        for (var k = 1; k < term.Length; k++)
        {
            var (s, e) = words[at + k];
            if (!text.AsSpan(s, e - s).Equals(term[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
