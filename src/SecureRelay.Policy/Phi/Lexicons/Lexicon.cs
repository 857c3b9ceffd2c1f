using System.Collections.Concurrent;

namespace SecureRelay.Policy.Phi.Lexicons;

/// <summary>The word lists, loaded once per set of paths and shared (immutable after load). Lookups take
/// spans so that the detectors never allocate a string per token.</summary>
public sealed class Lexicon
{
    /// <summary>Longest line read from a list; longer lines are skipped (a list is data, not trusted input).</summary>
    private const int MaxLine = 64;

    /// <summary>Most entries read from one list.</summary>
    private const int MaxEntries = 1_000_000;

    private static readonly ConcurrentDictionary<LexiconPaths, Lazy<Lexicon>> Loaded = new();

    private const byte Name = 1;
    private const byte ProseName = 2;
    private const byte Word = 4;
    private const byte Clinical = 8;

    /// <summary>Every word of every list, once, with what it is: the sets below are built at load and dropped.</summary>
    private readonly PackedWordTable _table;

    private Lexicon(LexiconPaths paths)
    {
        Paths = paths;
        var english = ReadWords(paths.EnglishWords, hunspell: false, lowercaseOnly: true);
        var spanish = ReadWords(paths.SpanishWords, hunspell: true, lowercaseOnly: true);
        var medical = ReadWords(paths.MedicalTerms, hunspell: true, lowercaseOnly: true);
        var names = ReadWords(paths.Names, hunspell: false, lowercaseOnly: false);
        names.RemoveWhere(n => n.Length < 2);

        // A name that is also an ordinary word ("Hope", "Will", "Grace", "Patient") counts only where the
        // context says it is a name (a greeting, an honorific, a label); in running prose it needs to be
        // unambiguous.
        var words = new HashSet<string>(english, StringComparer.OrdinalIgnoreCase);
        words.UnionWith(spanish);
        var prose = new HashSet<string>(names.Where(n => !words.Contains(n) && !medical.Contains(n)), StringComparer.OrdinalIgnoreCase);

        // Clinical vocabulary that is not everyday language: "sertraline", "cholecystectomy", not "physical".
        var clinical = new HashSet<string>(
            medical.Where(t => t.Length >= 6 && !words.Contains(t) && !names.Contains(t) && t.All(char.IsAsciiLetterLower)),
            StringComparer.OrdinalIgnoreCase);

        NameCount = names.Count;
        ClinicalCount = clinical.Count;
        _table = new PackedWordTable(
            names.Select(n => KeyValuePair.Create(n, prose.Contains(n) ? (byte)(Name | ProseName) : Name))
                .Concat(words.Select(w => KeyValuePair.Create(w, Word)))
                .Concat(clinical.Select(c => KeyValuePair.Create(c, Clinical))));
    }

    /// <summary>Where the lists were read from.</summary>
    public LexiconPaths Paths { get; }

    /// <summary>Number of names loaded.</summary>
    public int NameCount { get; }

    /// <summary>Number of clinical terms kept (not everyday words).</summary>
    public int ClinicalCount { get; }

    /// <summary>Loads (once per set of paths) the lists.</summary>
    /// <exception cref="LexiconMissingException">A list is not installed.</exception>
    public static Lexicon Load(LexiconPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var missing = paths.Missing().ToList();
        if (missing.Count > 0)
        {
            throw new LexiconMissingException(missing);
        }

        var lazy = Loaded.GetOrAdd(paths, p => new Lazy<Lexicon>(() => new Lexicon(p)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Loaded.TryRemove(paths, out _);
            throw;
        }
    }

    /// <summary>A given or family name (any entry of the names list).</summary>
    public bool IsName(ReadOnlySpan<char> token) => (_table.Flags(token) & Name) != 0;

    /// <summary>A name that is not also an English or Spanish word, so it is a name even in running prose.</summary>
    public bool IsUnambiguousName(ReadOnlySpan<char> token) => (_table.Flags(token) & ProseName) != 0;

    /// <summary>An everyday English or Spanish word (lower-case entries of the word lists).</summary>
    public bool IsWord(ReadOnlySpan<char> token) => (_table.Flags(token) & Word) != 0;

    /// <summary>A clinical term that is not everyday language.</summary>
    public bool IsClinicalTerm(ReadOnlySpan<char> token) => (_table.Flags(token) & Clinical) != 0;

    private static HashSet<string> ReadWords(string path, bool hunspell, bool lowercaseOnly)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var first = true;
        while (reader.ReadLine() is { } line && set.Count < MaxEntries)
        {
            if (hunspell && first)
            {
                // A Hunspell .dic starts with the entry count.
                first = false;
                if (line.Trim().All(char.IsAsciiDigit))
                {
                    continue;
                }
            }

            var entry = line.AsSpan().Trim();
            if (hunspell)
            {
                var slash = entry.IndexOf('/');
                if (slash >= 0)
                {
                    entry = entry[..slash];
                }
            }

            if (entry.Length is 0 or > MaxLine || entry[0] == '#' || entry.ContainsAny(' ', '\t', '\''))
            {
                continue;
            }

            if (lowercaseOnly && !char.IsLower(entry[0]))
            {
                continue;
            }

            set.Add(entry.ToString());
        }

        return set;
    }
}
