using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SecureRelay.Policy.Stores;

/// <summary>
/// Recorded HIPAA authorizations (45 CFR 164.508) on SQLite: marketing that carries PHI is delivered
/// only to recipients with one in force. Backs <c>securerelay consent import|add|revoke|list</c>.
/// Thread-safe; each call uses its own pooled connection.
/// </summary>
public sealed class ConsentStore : IConsentLookup
{
    /// <summary>Step <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c> (see <see cref="SecureRelay.Storage.Sqlite.SqliteMigrations"/>).</summary>
    private static readonly IReadOnlyList<string> Migrations =
    [
        """
            CREATE TABLE IF NOT EXISTS consent (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                recipient TEXT NOT NULL,
                scope TEXT NOT NULL,
                granted_at INTEGER NOT NULL,
                expires_at INTEGER NULL,
                revoked_at INTEGER NULL,
                source TEXT NULL);
            CREATE INDEX IF NOT EXISTS consent_recipient ON consent (recipient, scope);
            """,
    ];

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <summary>Opens (creating if needed) the store at <paramref name="databasePath"/>.</summary>
    public ConsentStore(string databasePath, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _connectionString = SqliteStore.Initialize(databasePath, "consent", Migrations);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Records an authorization; returns its id.</summary>
    /// <exception cref="ArgumentException">The address or dates are invalid.</exception>
    public long Add(string recipient, string scope = "marketing", DateTimeOffset? grantedAt = null, DateTimeOffset? expiresAt = null, string? source = null)
    {
        var address = SqliteStore.NormalizeAddress(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        var granted = grantedAt ?? _time.GetUtcNow();
        if (expiresAt is not null && expiresAt <= granted)
        {
            throw new ArgumentException("expires_at must be after granted_at", nameof(expiresAt));
        }

        using var connection = SqliteStore.Open(_connectionString);
        return Insert(connection, null, address, scope.Trim(), granted, expiresAt, source);
    }

    /// <summary>Revokes every authorization in force for the recipient and scope; returns how many.</summary>
    public int Revoke(string recipient, string scope = "marketing", DateTimeOffset? at = null)
    {
        var address = SqliteStore.NormalizeAddress(recipient);
        using var connection = SqliteStore.Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE consent SET revoked_at = $at WHERE recipient = $r AND scope = $s AND revoked_at IS NULL";
        command.Parameters.AddWithValue("$at", SqliteStore.ToUnixMs(at ?? _time.GetUtcNow()));
        command.Parameters.AddWithValue("$r", address);
        command.Parameters.AddWithValue("$s", scope);
        return command.ExecuteNonQuery();
    }

    /// <summary>Records, newest first; for one recipient when given.</summary>
    public IReadOnlyList<ConsentRecord> List(string? recipient = null, int limit = 10_000)
    {
        using var connection = SqliteStore.Open(_connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, recipient, scope, granted_at, expires_at, revoked_at, source FROM consent"
            + (recipient is null ? "" : " WHERE recipient = $r") + " ORDER BY id DESC LIMIT $limit";
        if (recipient is not null)
        {
            command.Parameters.AddWithValue("$r", SqliteStore.NormalizeAddress(recipient));
        }

        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var list = new List<ConsentRecord>();
        while (reader.Read())
        {
            list.Add(new ConsentRecord(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                SqliteStore.FromUnixMs(reader.GetInt64(3)),
                reader.IsDBNull(4) ? null : SqliteStore.FromUnixMs(reader.GetInt64(4)),
                reader.IsDBNull(5) ? null : SqliteStore.FromUnixMs(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return list;
    }

    /// <inheritdoc/>
    public bool HasAuthorization(string recipient, string scope, DateTimeOffset at) =>
        SqliteStore.TryNormalizeAddress(recipient, out var address) && SqliteStore.Exists(_connectionString, """
            SELECT 1 FROM consent WHERE recipient = $r AND scope = $s AND granted_at <= $at
              AND (expires_at IS NULL OR expires_at > $at) AND (revoked_at IS NULL OR revoked_at > $at) LIMIT 1
            """, ("$r", address), ("$s", scope), ("$at", SqliteStore.ToUnixMs(at)));

    /// <summary>Imports CSV with a header row: <c>recipient</c> (required), <c>scope</c>, <c>granted_at</c>,
    /// <c>expires_at</c> (ISO 8601), <c>source</c>. One transaction; rows with errors are reported and skipped;
    /// a row identical to an existing authorization in force is skipped.</summary>
    /// <exception cref="FormatException">The header is missing or the file exceeds the reader's bounds.</exception>
    public CsvImportResult Import(TextReader csv, string defaultScope = "marketing", string? source = null) =>
        CsvImport.Run(_connectionString, csv, "recipient", (connection, transaction, field) =>
        {
            var recipient = SqliteStore.NormalizeAddress(field("recipient") ?? "");
            var scope = field("scope") ?? defaultScope;
            var granted = ParseTime(field("granted_at"), "granted_at") ?? _time.GetUtcNow();
            var expires = ParseTime(field("expires_at"), "expires_at");
            if (expires is not null && expires <= granted)
            {
                throw new ArgumentException("expires_at must be after granted_at");
            }

            if (HasSame(connection, transaction, recipient, scope, granted, expires))
            {
                return false;
            }

            Insert(connection, transaction, recipient, scope, granted, expires, field("source") ?? source);
            return true;
        });

    private static DateTimeOffset? ParseTime(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : throw new ArgumentException($"{name} '{value}' is not an ISO 8601 date or time");
    }

    private static bool HasSame(SqliteConnection connection, SqliteTransaction transaction, string recipient, string scope, DateTimeOffset granted, DateTimeOffset? expires)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT 1 FROM consent WHERE recipient = $r AND scope = $s AND granted_at = $g AND expires_at IS $e AND revoked_at IS NULL LIMIT 1";
        BindAuthorization(command, recipient, scope, granted, expires);
        return command.ExecuteScalar() is not null;
    }

    private static long Insert(SqliteConnection connection, SqliteTransaction? transaction, string recipient, string scope, DateTimeOffset granted, DateTimeOffset? expires, string? source)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO consent (recipient, scope, granted_at, expires_at, source) VALUES ($r, $s, $g, $e, $src); SELECT last_insert_rowid();";
        BindAuthorization(command, recipient, scope, granted, expires);
        command.Parameters.AddWithValue("$src", (object?)source ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }

    private static void BindAuthorization(SqliteCommand command, string recipient, string scope, DateTimeOffset granted, DateTimeOffset? expires)
    {
        command.Parameters.AddWithValue("$r", recipient);
        command.Parameters.AddWithValue("$s", scope);
        command.Parameters.AddWithValue("$g", SqliteStore.ToUnixMs(granted));
        command.Parameters.AddWithValue("$e", expires is null ? DBNull.Value : SqliteStore.ToUnixMs(expires.Value));
    }
}
