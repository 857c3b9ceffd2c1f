namespace SecureRelay.Storage.Keys;

/// <summary>What a layout read: the keys, current first, and whether this call created the first one.</summary>
public sealed record KeyRingContents(IReadOnlyList<KeyRingEntry> Keys, bool Created);
