namespace SecureRelay.Security.Escrow;

/// <summary>
/// Metadata of one escrowed message. Deliberately holds no PHI: no subject, no body, no attachment
/// names; only addressing, sizes, times and status.
/// </summary>
/// <param name="Id">Record id (not secret; not usable to open the message).</param>
/// <param name="Recipient">Recipient address the message is escrowed for.</param>
/// <param name="RecipientDomain">Domain part of <paramref name="Recipient"/>.</param>
/// <param name="SenderDomain">Domain of the original sender, if known.</param>
/// <param name="SizeBytes">Size of the original message in bytes.</param>
/// <param name="CreatedAt">When it was stored.</param>
/// <param name="ExpiresAt">When it stops being available.</param>
/// <param name="ReadAt">First time it was opened, if ever.</param>
/// <param name="Status">Effective status at the time of the query (a pending record past expiry reports <see cref="EscrowStatus.Expired"/>).</param>
/// <param name="KeyId">Id of the master key that wraps the message key.</param>
public sealed record EscrowRecordInfo(
    string Id,
    string Recipient,
    string RecipientDomain,
    string? SenderDomain,
    long SizeBytes,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ReadAt,
    EscrowStatus Status,
    string KeyId);
