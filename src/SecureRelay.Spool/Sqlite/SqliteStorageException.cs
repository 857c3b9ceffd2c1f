using SQLitePCL;

namespace SecureRelay.Spool.Sqlite;

/// <summary>An SQLite call failed; <see cref="ToSpoolException"/> turns it into the contract's error.</summary>
internal sealed class SqliteStorageException : Exception
{
    public SqliteStorageException(int resultCode, string? message)
        : base($"SQLite error {resultCode}: {message}") => ResultCode = resultCode;

    public int ResultCode { get; }

    /// <summary>SQLITE_FULL (also as an extended code) means the disk is full.</summary>
    public bool IsDiskFull => (ResultCode & 0xFF) == raw.SQLITE_FULL;

    public SpoolException ToSpoolException() =>
        new(IsDiskFull ? "The spool's disk is full." : "The spool could not store the change.", IsDiskFull, this);
}
