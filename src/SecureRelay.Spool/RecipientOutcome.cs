namespace SecureRelay.Spool;

/// <summary>The result of one delivery attempt for one recipient.</summary>
/// <param name="Index">Position in <see cref="SpoolEnvelope.Recipients"/>.</param>
/// <param name="State"><see cref="RecipientState.Pending"/> for a deferral, else the final state.</param>
/// <param name="Response">The reply or error text to keep (no PHI).</param>
public sealed record RecipientOutcome(int Index, RecipientState State, string Response);
