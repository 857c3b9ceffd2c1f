namespace SecureRelay.Spool.Sqlite;

/// <summary>A stored record failed authentication or parsing; the caller quarantines it.</summary>
internal sealed class RecordDamagedException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
