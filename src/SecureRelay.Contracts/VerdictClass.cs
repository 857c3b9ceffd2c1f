namespace SecureRelay.Contracts;

/// <summary>The classifier's verdict class as recorded with a message. Only <see cref="Clean"/> may
/// ever leave without a protected method. Persisted by number in decision records and by name
/// (<c>clean</c>, <c>uncertain</c>, <c>phi</c>) in audit records: never renumber. The numbers are
/// those of the classifier's own verdict.</summary>
public enum VerdictClass
{
    /// <summary>No health information about an identifiable person (<c>clean</c>).</summary>
    Clean = 0,

    /// <summary>One side strong and the other weak, unreadable content, or a limit hit (<c>uncertain</c>).</summary>
    Uncertain = 1,

    /// <summary>Health information about an identifiable person (<c>phi</c>).</summary>
    Phi = 2,
}
