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
