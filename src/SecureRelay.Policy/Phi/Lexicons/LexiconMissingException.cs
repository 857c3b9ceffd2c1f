namespace SecureRelay.Policy.Phi.Lexicons;

/// <summary>A word list the classifier needs is not installed: start-up (or a reload) stops, because a
/// classifier without it would silently miss PHI.</summary>
public sealed class LexiconMissingException : Exception
{
    /// <summary>Creates the exception for the missing lists.</summary>
    public LexiconMissingException(IReadOnlyList<(string Key, string Path)> missing)
        : base("PHI classifier word lists missing (run scripts/lexicons.sh): " + string.Join(", ", missing.Select(m => $"{m.Key} {m.Path}")))
    {
        Missing = missing;
    }

    /// <summary>Creates the exception with a message.</summary>
    public LexiconMissingException(string message) : base(message)
    {
        Missing = [];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public LexiconMissingException(string message, Exception inner) : base(message, inner)
    {
        Missing = [];
    }

    /// <summary>Creates the exception.</summary>
    public LexiconMissingException() : this("PHI classifier word lists missing")
    {
    }

    /// <summary>The lists that are missing: the configuration key and the path looked at.</summary>
    public IReadOnlyList<(string Key, string Path)> Missing { get; }
}
