using Microsoft.Data.Sqlite;
using SecureRelay.Storage.Files;
using SecureRelay.Storage.Sqlite;

namespace SecureRelay.Policy.Stores;

/// <summary>What the policy stores share: SQLite through <see cref="SqliteDatabase"/> with the
/// <see cref="SqliteProfile.Store"/> settings (one short-lived pooled connection per operation), and
/// their address and time conventions.</summary>
internal static class SqliteStore
{
    /// <summary>Creates (with its directory, 0700 when new) or upgrades the database at
    /// <paramref name="path"/>; returns its connection string.</summary>
    public static string Initialize(string path, string component, IReadOnlyList<string> migrations)
    {
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connectionString = SqliteDatabase.ConnectionString(path, create: true, pooling: true);
        using var connection = Open(connectionString);
        SqliteDatabase.Initialize(connection, component, migrations);
        return connectionString;
    }

    public static SqliteConnection Open(string connectionString) => SqliteDatabase.Open(connectionString, SqliteProfile.Store);

    /// <summary>True when a row answers <paramref name="sql"/> (a <c>SELECT 1 … LIMIT 1</c>).</summary>
    public static bool Exists(string connectionString, string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar() is not null;
    }

    /// <summary>As <see cref="NormalizeAddress"/>, false instead of an exception (a lookup of a malformed address finds nothing).</summary>
    public static bool TryNormalizeAddress(string address, out string normalized)
    {
        try
        {
            normalized = NormalizeAddress(address);
            return true;
        }
        catch (ArgumentException)
        {
            normalized = string.Empty;
            return false;
        }
    }

    public static string NormalizeAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim().Trim('<', '>').ToLowerInvariant();
        var at = trimmed.LastIndexOf('@');
        if (trimmed.Length is 0 or > 320 || at < 0 || at == trimmed.Length - 1 || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException($"'{address}' is not an email address", nameof(address));
        }

        return trimmed;
    }

    public static long ToUnixMs(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromUnixMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
