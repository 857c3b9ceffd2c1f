namespace SecureRelay.Policy.Stores;

/// <summary>A suppressed address (<c>user@example.org</c>) or domain (<c>@example.org</c>).</summary>
/// <param name="Entry">The address or <c>@domain</c>, lower case.</param>
/// <param name="Reason">Why (unsubscribe, complaint, bounce), or null.</param>
/// <param name="AddedAt">When it was added.</param>
public sealed record SuppressionEntry(string Entry, string? Reason, DateTimeOffset AddedAt);
