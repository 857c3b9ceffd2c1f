using Microsoft.Data.Sqlite;

namespace SecureRelay.Policy.Stores;

/// <summary>
/// Addresses and domains that must not receive marketing, on SQLite. Backs
/// <c>securerelay suppress add|remove|list</c>. Entries are <c>user@example.org</c> or <c>@example.org</c>
/// (the whole domain). Thread-safe.
/// </summary>
public sealed class SuppressionList : ISuppressionLookup
{
    /// <summary>Step <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c> (see <see cref="SecureRelay.Storage.Sqlite.SqliteMigrations"/>).</summary>
    private static readonly IReadOnlyList<string> Migrations =
    [
        """
            CREATE TABLE IF NOT EXISTS suppression (
                entry TEXT PRIMARY KEY,
                reason TEXT NULL,
                added_at INTEGER NOT NULL) WITHOUT ROWID;
            """,
    ];

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <summary>Opens (creating if needed) the list at <paramref name="databasePath"/>.</summary>
    public SuppressionList(string databasePath, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _connectionString = SqliteStore.Initialize(databasePath, "suppression", Migrations);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Adds an address or <c>@domain</c>; false when already present.</summary>
    /// <exception cref="ArgumentException">Not an address or <c>@domain</c>.</exception>
    public bool Add(string entry, string? reason = null)
    {
        using var connection = SqliteStore.Open(_connectionString);
        return Insert(connection, null, Normalize(entry), reason, _time.GetUtcNow());
    }

    /// <summary>Removes an entry; false when it was not present.</summary>
    public bool Remove(string entry)
    {
        using var connection = SqliteStore.Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM suppression WHERE entry = $e";
        command.Parameters.AddWithValue("$e", Normalize(entry));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Entries in order, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<SuppressionEntry> List(int limit = 10_000)
    {
        using var connection = SqliteStore.Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry, reason, added_at FROM suppression ORDER BY entry LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<SuppressionEntry>();
        while (reader.Read())
        {
            list.Add(new SuppressionEntry(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), SqliteStore.FromUnixMs(reader.GetInt64(2))));
        }

        return list;
    }

    /// <inheritdoc/>
    public bool IsSuppressed(string recipient) =>
        SqliteStore.TryNormalizeAddress(recipient, out var address) && SqliteStore.Exists(_connectionString,
            "SELECT 1 FROM suppression WHERE entry = $a OR entry = $d LIMIT 1", ("$a", address), ("$d", address[address.LastIndexOf('@')..]));

    /// <summary>Imports CSV with a header row: <c>address</c> (required; an address or <c>@domain</c>) and
    /// <c>reason</c>. One transaction; bad rows are reported and skipped; existing entries are skipped.</summary>
    /// <exception cref="FormatException">The header is missing or the file exceeds the reader's bounds.</exception>
    public CsvImportResult Import(TextReader csv)
    {
        var now = _time.GetUtcNow();
        return CsvImport.Run(_connectionString, csv, "address", (connection, transaction, field) =>
            Insert(connection, transaction, Normalize(field("address") ?? ""), field("reason"), now));
    }

    private static string Normalize(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var e = entry.Trim();
        if (e.StartsWith('@'))
        {
            var domain = e[1..].ToLowerInvariant();
            return AddressPatterns.IsValidDomainPattern(domain) && !domain.Contains('*', StringComparison.Ordinal)
                ? "@" + domain
                : throw new ArgumentException($"'{entry}' is not a domain entry (@example.org)", nameof(entry));
        }

        return SqliteStore.NormalizeAddress(e);
    }

    private static bool Insert(SqliteConnection connection, SqliteTransaction? transaction, string entry, string? reason, DateTimeOffset at)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT OR IGNORE INTO suppression (entry, reason, added_at) VALUES ($e, $r, $t)";
        command.Parameters.AddWithValue("$e", entry);
        command.Parameters.AddWithValue("$r", (object?)reason ?? DBNull.Value);
        command.Parameters.AddWithValue("$t", SqliteStore.ToUnixMs(at));
        return command.ExecuteNonQuery() > 0;
    }
}
