namespace SecureRelay.Security.Escrow;

/// <summary>
/// Result of <c>EscrowStore.Store</c>. <see cref="Token"/> is the only copy of the access
/// token (the store keeps its SHA-256 hash): put it in the notice and forget it.
/// </summary>
/// <param name="Id">Record id.</param>
/// <param name="Token">Random URL-safe access token for the portal link.</param>
/// <param name="ExpiresAt">When the message stops being available.</param>
public sealed record EscrowStoreResult(string Id, string Token, DateTimeOffset ExpiresAt);
