namespace SecureRelay.Storage.Sqlite;

/// <summary><c>PRAGMA synchronous</c> levels used here (values as SQLite numbers them).</summary>
public enum SqliteSynchronous
{
    /// <summary>In WAL mode: durable up to the last checkpoint; a commit does not fsync.</summary>
    Normal = 1,

    /// <summary>Every commit fsyncs the WAL: what a 250 or a stored record promises.</summary>
    Full = 2,
}
