namespace SecureRelay.Policy.Phi.Lexicons;

/// <summary>Where the classifier's word lists live. They come from maintained packages installed by
/// <c>scripts/lexicons.sh</c> (Debian <c>wamerican</c>, <c>hunspell-en-med</c>, <c>hunspell-es</c>; npm
/// <c>humannames</c>) and are read at start-up, never embedded (the medical and Spanish lists are GPL).</summary>
/// <param name="Names">Given and family names, one per line (npm <c>humannames</c>, MIT).</param>
/// <param name="EnglishWords">English words, one per line (Debian <c>wamerican</c>).</param>
/// <param name="MedicalTerms">Clinical vocabulary, Hunspell <c>.dic</c> (Debian <c>hunspell-en-med</c>).</param>
/// <param name="SpanishWords">Spanish words, Hunspell <c>.dic</c> (Debian <c>hunspell-es</c>).</param>
public sealed record LexiconPaths(string Names, string EnglishWords, string MedicalTerms, string SpanishWords)
{
    /// <summary>Environment variable naming the names list (overrides the search below).</summary>
    public const string NamesVariable = "SECURERELAY_NAMES_FILE";

    private const string NamesRelative = "lexicons/node_modules/humannames/list.txt";

    /// <summary>The installed locations: Debian's paths, and the names list found through
    /// <see cref="NamesVariable"/>, then <c>lexicons/</c> beside the executable or in a directory above it
    /// (a source checkout), then <c>/usr/share/securerelay/</c>.</summary>
    public static LexiconPaths Default { get; } = new(
        FindNames(),
        "/usr/share/dict/american-english",
        "/usr/share/hunspell/en_med_glut.dic",
        "/usr/share/hunspell/es_ES.dic");

    /// <summary>Each list that is missing, as (key, path) pairs.</summary>
    public IEnumerable<(string Key, string Path)> Missing()
    {
        foreach (var (key, path) in new[] { ("names", Names), ("english_words", EnglishWords), ("medical_terms", MedicalTerms), ("spanish_words", SpanishWords) })
        {
            if (!File.Exists(path))
            {
                yield return (key, path);
            }
        }
    }

    private static string FindNames()
    {
        if (Environment.GetEnvironmentVariable(NamesVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        // Bounded walk: a checkout's bin/Release/net10.0 is five levels below the root.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        for (var i = 0; i < 8 && dir is not null; i++, dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, NamesRelative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("/usr/share/securerelay", NamesRelative);
    }
}
