namespace SecureRelay.Storage.Keys;

/// <summary>One key of a ring as read from disk.</summary>
/// <param name="Id">The id stored with each record the key seals.</param>
/// <param name="Material">The 32 key bytes.</param>
/// <param name="File">The file it was read from (for permission checks and messages).</param>
public sealed record KeyRingEntry(string Id, byte[] Material, string File);
