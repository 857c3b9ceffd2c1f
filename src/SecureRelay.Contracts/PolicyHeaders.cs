namespace SecureRelay.Contracts;

/// <summary>The header fields SecureRelay reads from submitted mail (Policy). Delivery removes them
/// (<see cref="All"/>) before a message leaves, so internal signals never reach recipients.</summary>
public static class PolicyHeaders
{
    /// <summary><c>phi</c> or <c>none</c>: an explicit classification from the application.</summary>
    public const string Classification = "X-SecureRelay-Classification";

    /// <summary><c>treatment</c>, <c>operations</c>, <c>payment</c> or <c>marketing</c>.</summary>
    public const string Category = "X-SecureRelay-Category";

    /// <summary>Every header name of ours, to strip before sending.</summary>
    public static IReadOnlyList<string> All { get; } = [Classification, Category];
}
