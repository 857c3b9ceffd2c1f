namespace SecureRelay.Spool;

/// <summary>The stored delivery state of one recipient.</summary>
/// <param name="Index">Position in <see cref="SpoolEnvelope.Recipients"/>.</param>
/// <param name="State">Current state.</param>
/// <param name="Attempts">Delivery attempts made for this recipient.</param>
/// <param name="LastResponse">The last reply or error text (no PHI), or null.</param>
public sealed record RecipientStatus(int Index, RecipientState State, int Attempts, string? LastResponse);
