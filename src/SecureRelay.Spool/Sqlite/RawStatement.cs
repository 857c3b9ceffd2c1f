using SQLitePCL;

namespace SecureRelay.Spool.Sqlite;

/// <summary>A prepared statement used through SQLitePCL directly. Microsoft.Data.Sqlite opens the
/// connections; the hot paths bind and read blobs as spans here because its parameters copy a
/// <c>byte[]</c> per value and its readers cache each blob, which would allocate every message body.</summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        int rc = raw.sqlite3_prepare_v2(db, sql, out _stmt);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteStorageException(rc, $"prepare failed: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }

    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_stmt, index, value));
        return this;
    }

    public RawStatement Bind(int index, ReadOnlySpan<byte> blob)
    {
        Check(raw.sqlite3_bind_blob(_stmt, index, blob));
        return this;
    }

    public RawStatement Bind(int index, string? text)
    {
        Check(text is null ? raw.sqlite3_bind_null(_stmt, index) : raw.sqlite3_bind_text(_stmt, index, text));
        return this;
    }

    public RawStatement BindNull(int index)
    {
        Check(raw.sqlite3_bind_null(_stmt, index));
        return this;
    }

    /// <summary>Index of a named parameter, or 0 when the SQL does not use it.</summary>
    public int ParameterIndex(string name) => raw.sqlite3_bind_parameter_index(_stmt, name);

    /// <summary>Steps once; true when a row is available.</summary>
    public bool Step()
    {
        int rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc == raw.SQLITE_DONE)
        {
            return false;
        }

        // The real error code (e.g. SQLITE_FULL) is reported by reset in legacy mode, by step in v2.
        string message = raw.sqlite3_errmsg(_db).utf8_to_string();
        raw.sqlite3_reset(_stmt);
        throw new SqliteStorageException(rc, message);
    }

    /// <summary>Runs a statement that returns no rows and resets it; returns rows changed.</summary>
    public int Execute()
    {
        try
        {
            while (Step())
            {
            }

            return raw.sqlite3_changes(_db);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Ends the statement (and so its read transaction) and clears bindings.</summary>
    public void Reset()
    {
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
    }

    public long GetInt64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    /// <summary>The blob, valid only until the next step or reset.</summary>
    public ReadOnlySpan<byte> GetBlob(int column) => raw.sqlite3_column_blob(_stmt, column);

    public string GetText(int column) => raw.sqlite3_column_text(_stmt, column).utf8_to_string() ?? string.Empty;

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteStorageException(rc, raw.sqlite3_errmsg(_db).utf8_to_string());
        }
    }

    /// <summary>Runs one or more SQL statements without results.</summary>
    public static void Exec(sqlite3 db, string sql)
    {
        int rc = raw.sqlite3_exec(db, sql);
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteStorageException(rc, raw.sqlite3_errmsg(db).utf8_to_string());
        }
    }

    public void Dispose() => _stmt.Dispose();
}
