namespace SecureRelay.Security.Escrow;

/// <summary>Result of <see cref="EscrowStore.Open"/>.</summary>
/// <param name="Outcome">Whether content was returned.</param>
/// <param name="Record">Metadata when a record matched the token, else <see langword="null"/>.</param>
/// <param name="Content">Decrypted original message bytes when <see cref="EscrowOpenOutcome.Opened"/>.</param>
public sealed record EscrowOpenResult(EscrowOpenOutcome Outcome, EscrowRecordInfo? Record, byte[]? Content);
