namespace SecureRelay.Security.Tls;

/// <summary>The outcome of one MTA-STS policy fetch: a policy, or why there is none.</summary>
/// <param name="Policy">The parsed policy, or null.</param>
/// <param name="Error">Why the fetch failed, or null on success.</param>
public sealed record MtaStsFetchResult(MtaStsPolicy? Policy, string? Error);
