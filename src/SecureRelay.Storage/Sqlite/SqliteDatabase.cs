using Microsoft.Data.Sqlite;
using SecureRelay.Storage.Files;
using SQLitePCL;

namespace SecureRelay.Storage.Sqlite;

/// <summary>
/// How every SQLite database here is opened: <see cref="Initialize"/> once at start-up (WAL, schema
/// migrations, owner-only files), then <see cref="Open"/> per connection with the use's
/// <see cref="SqliteProfile"/>. Group commit is not here: only the spool needs it, and its commit
/// loop owns its single writer connection.
/// </summary>
public static class SqliteDatabase
{
    /// <summary>A connection string for <paramref name="path"/>.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="create">Create the file when missing (the connection that initializes it); otherwise it must exist.</param>
    /// <param name="pooling">Reuse closed connections (short-lived per-operation connections); off for long-lived ones.</param>
    public static string ConnectionString(string path, bool create, bool pooling) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
        Pooling = pooling,
    }.ToString();

    /// <summary>Opens a connection and applies <paramref name="profile"/>.</summary>
    /// <exception cref="SqliteException">The database cannot be opened or a pragma fails.</exception>
    public static SqliteConnection Open(string connectionString, SqliteProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, profile.ToSql());
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Prepares a database for use, on a connection that may create it: WAL journal, then
    /// <paramref name="migrations"/> for <paramref name="component"/> (see <see cref="SqliteMigrations.Apply"/>),
    /// then its files (database, WAL, shared memory) made owner-only.
    /// </summary>
    /// <returns>The schema version now in place.</returns>
    /// <exception cref="InvalidDataException">The database has a newer schema than <paramref name="migrations"/> knows.</exception>
    public static int Initialize(SqliteConnection connection, string component, IReadOnlyList<string> migrations)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Execute(connection, "PRAGMA journal_mode=WAL;");
        var version = SqliteMigrations.Apply(connection, component, migrations);
        var path = connection.DataSource;
        PrivateFiles.Restrict(path, path + "-wal", path + "-shm");
        return version;
    }

    /// <summary>Runs one or more statements that return no rows.</summary>
    /// <exception cref="SqliteException">A statement fails (its SQLite error code is kept).</exception>
    public static void Execute(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var db = connection.Handle!;
        int rc = raw.sqlite3_exec(db, sql);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }
}
