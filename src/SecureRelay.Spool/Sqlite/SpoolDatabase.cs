using System.Globalization;
using SecureRelay.Storage.Sqlite;

namespace SecureRelay.Spool.Sqlite;

/// <summary>How the spool uses SQLite: its schema migrations and the settings of its three kinds of
/// connection (one writer, pooled readers, the background checkpointer).</summary>
internal static class SpoolDatabase
{
    /// <summary>Name of the spool's row in <c>schema_version</c>.</summary>
    public const string Component = "spool";

    /// <summary>Step <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>. Spools written before the
    /// version table existed are at <c>PRAGMA user_version</c> 1 with these very tables, which step 1 adopts
    /// (<c>IF NOT EXISTS</c>); it still sets <c>user_version</c> so that older builds refuse newer spools.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        "CREATE TABLE IF NOT EXISTS message(" +
        " id INTEGER PRIMARY KEY, state INTEGER NOT NULL, next_attempt INTEGER NOT NULL, attempts INTEGER NOT NULL," +
        " content_length INTEGER NOT NULL, chunk_count INTEGER NOT NULL, received_at INTEGER NOT NULL, key_id INTEGER NOT NULL," +
        " nonce_prefix BLOB NOT NULL, rcpt_domains TEXT NOT NULL, envelope BLOB NOT NULL, status BLOB);" +
        "CREATE INDEX IF NOT EXISTS message_state ON message(state);" +
        "CREATE INDEX IF NOT EXISTS message_due ON message(next_attempt);" +
        // A rowid table, not WITHOUT ROWID: rowid tables keep up to ~4 KB of a row in its leaf and
        // fill overflow pages exactly, while an index b-tree spills anything over ~1 KB into
        // a whole overflow page (a 1 KB message cost 4.7 KB of disk that way, measured).
        "CREATE TABLE IF NOT EXISTS chunk(id INTEGER PRIMARY KEY, msg INTEGER NOT NULL, idx INTEGER NOT NULL, data BLOB NOT NULL);" +
        "CREATE UNIQUE INDEX IF NOT EXISTS chunk_msg_idx ON chunk(msg, idx);" +
        "CREATE TABLE IF NOT EXISTS pending_domain(domain TEXT NOT NULL, msg INTEGER NOT NULL, PRIMARY KEY(domain, msg)) WITHOUT ROWID;" +
        "CREATE TABLE IF NOT EXISTS incomplete(msg INTEGER PRIMARY KEY);" +
        "CREATE TABLE IF NOT EXISTS quarantine(msg INTEGER PRIMARY KEY, reason TEXT NOT NULL, at INTEGER NOT NULL);" +
        "PRAGMA user_version=1;",
    ];

    /// <summary>The single writer: every group commit fsync'ed; the WAL is never truncated while in use
    /// (<c>journal_size_limit=-1</c>: see <see cref="SpoolOptions.WalTruncateWhenIdle"/>); it is
    /// checkpointed every <see cref="SpoolOptions.WalAutoCheckpointPages"/> pages.</summary>
    public static SqliteProfile Writer(SpoolOptions options) => new()
    {
        Synchronous = SqliteSynchronous.Full,
        CacheKiB = options.WriterCacheKiB,
        BusyTimeoutMs = 10_000,
        Tuning =
        [
            string.Create(CultureInfo.InvariantCulture, $"wal_autocheckpoint={options.WalAutoCheckpointPages}"),
            "journal_size_limit=-1",
            "temp_store=MEMORY",
        ],
    };

    /// <summary>Pooled readers: read-only, a bounded page cache each.</summary>
    public static SqliteProfile Reader(SpoolOptions options) => new()
    {
        CacheKiB = options.ReaderCacheKiB,
        QueryOnly = true,
        BusyTimeoutMs = 10_000,
    };

    /// <summary>The background checkpointer: gives way quickly to the writer.</summary>
    public static SqliteProfile Checkpointer { get; } = new() { BusyTimeoutMs = 1000 };
}
