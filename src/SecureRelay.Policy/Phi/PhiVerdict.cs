namespace SecureRelay.Policy.Phi;

/// <summary>The classifier's three verdicts. Only <see cref="Clean"/> may ever leave without a
/// protected method. Persisted by name (<c>clean</c>, <c>uncertain</c>, <c>phi</c>) in audit records and
/// by number in decision records: the values are frozen.</summary>
public enum PhiVerdict
{
    /// <summary>No health information about an identifiable person.</summary>
    Clean = 0,

    /// <summary>One side strong and the other weak, content that could not be read, or a limit hit:
    /// protected by <c>defaults.uncertain_methods</c>, never plaintext.</summary>
    Uncertain = 1,

    /// <summary>Health information about an identifiable person.</summary>
    Phi = 2,
}
