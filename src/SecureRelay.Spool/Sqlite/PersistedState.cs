namespace SecureRelay.Spool.Sqlite;

/// <summary>The <c>message.state</c> column. The first three equal <see cref="QueueState"/>;
/// <see cref="Quarantined"/> exists only on disk. Values are frozen (a test pins them).</summary>
internal enum PersistedState
{
    Active = 0,
    Deferred = 1,
    Held = 2,
    Quarantined = 3,
}
