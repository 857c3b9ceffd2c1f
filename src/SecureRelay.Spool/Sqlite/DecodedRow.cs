namespace SecureRelay.Spool.Sqlite;

/// <summary>A message row opened and parsed.</summary>
internal readonly record struct DecodedRow(long Key, uint ChunkCount, long ContentLength, SpoolKey SealKey, byte[] Prefix, QueuedMessage Message);
