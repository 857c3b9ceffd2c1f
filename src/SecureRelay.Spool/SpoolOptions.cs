using System.ComponentModel.DataAnnotations;
using System.Runtime.Serialization;

namespace SecureRelay.Spool;

/// <summary>Settings of <see cref="Sqlite.SqliteMessageSpool"/>, bound from the <c>spool:</c> section of
/// <c>securerelay.yaml</c> (members marked <see cref="IgnoreDataMemberAttribute"/> have no key there; the
/// host derives <see cref="DataDirectory"/> from <c>data_dir</c>). Defaults suit a single relay node.</summary>
public sealed record SpoolOptions
{
    /// <summary>Directory holding the spool database (<c>spool.db</c> and its WAL). Created 0700 if missing.</summary>
    [IgnoreDataMember]
    public required string DataDirectory { get; init; }

    /// <summary>The current key file (32 random bytes, mode 0600), created on first run. Null means
    /// <c>&lt;DataDirectory&gt;/keys/spool.key</c>. Every other <c>*.key</c> file in the same directory is
    /// loaded as a retired key that still decrypts older records (rotation).</summary>
    [DataType("path")]
    public string? KeyFile { get; init; }

    /// <summary>Extra retired key files (read-only keys) outside the key directory.</summary>
    [IgnoreDataMember]
    public IReadOnlyList<string> RetiredKeyFiles { get; init; } = [];

    /// <summary>Below this many free bytes on the data directory's filesystem the spool refuses new
    /// messages (<see cref="IMessageSpool.IsLowOnDisk"/>). Default 256 MiB.</summary>
    public long MinFreeBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>How often free space is measured. Default one second.</summary>
    [IgnoreDataMember]
    public TimeSpan DiskCheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Group commit: at most this many operations share one transaction (one fsync).
    /// Everything that arrived while the previous fsync ran is taken, up to this cap.</summary>
    [IgnoreDataMember]
    public int MaxBatchSize { get; init; } = 1024;

    /// <summary>How often the background checkpointer copies committed WAL frames into the
    /// database file (off the commit path). Default 100 ms.</summary>
    [IgnoreDataMember]
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>After this long without a commit, the checkpointer truncates the WAL file to zero (once per
    /// quiet spell). Under load the WAL is never truncated, only reused from its start: truncating it
    /// (SQLite's journal_size_limit) freed and re-grew ~200 MB every few seconds at 2,000 msg/s, and the
    /// commits caught behind the truncate waited up to ~80 ms. Default one minute (a WAL grown again
    /// from nothing costs its first commits a little more, so not after every pause).</summary>
    [IgnoreDataMember]
    public TimeSpan WalTruncateWhenIdle { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Backstop: WAL pages after which the writer itself checkpoints, should the background
    /// checkpointer fall behind. Default 65536 pages (256 MiB).</summary>
    [IgnoreDataMember]
    public int WalAutoCheckpointPages { get; init; } = 65536;

    /// <summary>SQLite page cache of the writer connection in KiB (bounded memory). Default 16 MiB.</summary>
    [IgnoreDataMember]
    public int WriterCacheKiB { get; init; } = 16 * 1024;

    /// <summary>SQLite page cache of each reader connection in KiB. Default 2 MiB.</summary>
    [IgnoreDataMember]
    public int ReaderCacheKiB { get; init; } = 2 * 1024;

    /// <summary>When true, recovery also authenticates every content chunk (reads all content; slow
    /// for big queues). Otherwise content damage is found when the content is opened.</summary>
    [IgnoreDataMember]
    public bool VerifyContentOnOpen { get; init; }

    /// <summary>Checks the values: one (YAML key relative to <c>spool:</c>, message) pair per problem, empty when valid.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (MinFreeBytes < 0)
        {
            yield return ("min_free_bytes", "must not be negative");
        }

        if (MaxBatchSize < 1 || WalAutoCheckpointPages < 1 || WriterCacheKiB < 1 || ReaderCacheKiB < 1)
        {
            yield return ("", "max_batch_size, wal_auto_checkpoint_pages and the cache sizes must be positive");
        }

        if (DiskCheckInterval <= TimeSpan.Zero || CheckpointInterval <= TimeSpan.Zero || WalTruncateWhenIdle <= TimeSpan.Zero)
        {
            yield return ("", "disk_check_interval, checkpoint_interval and wal_truncate_when_idle must be positive");
        }
    }

    /// <summary>The key file path in effect.</summary>
    public string EffectiveKeyFile => KeyFile ?? Path.Combine(DataDirectory, "keys", "spool.key");
}
