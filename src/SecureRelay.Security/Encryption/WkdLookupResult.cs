namespace SecureRelay.Security.Encryption;

/// <summary>Result of <see cref="WebKeyDirectoryClient.LookupAsync"/>.</summary>
/// <param name="Status">Found, not found, or failed.</param>
/// <param name="Key">The key when <see cref="WkdLookupStatus.Found"/>.</param>
/// <param name="Detail">Why it was not found or failed (no PHI).</param>
/// <param name="FromCache">Whether the answer came from the cache (of the address or of the domain's failure).</param>
/// <param name="Problem">When not found or failed: the typed reason (for audit records).</param>
public sealed record WkdLookupResult(WkdLookupStatus Status, PgpRecipientKey? Key, string Detail, bool FromCache = false, KeyProblem? Problem = null);
