namespace SecureRelay.Policy.Model;

/// <summary>The <c>classifier.lexicons:</c> section: paths of the word lists (defaults: the installed packages).</summary>
public sealed class LexiconOptions
{
    /// <summary>Given and family names, one per line.</summary>
    public string? Names { get; set; }

    /// <summary>English words, one per line.</summary>
    public string? EnglishWords { get; set; }

    /// <summary>Clinical vocabulary (Hunspell .dic).</summary>
    public string? MedicalTerms { get; set; }

    /// <summary>Spanish words (Hunspell .dic).</summary>
    public string? SpanishWords { get; set; }
}
