using Microsoft.Data.Sqlite;

namespace SecureRelay.Policy.Stores;

/// <summary>Shared SQLite plumbing: WAL mode, one short-lived pooled connection per operation.</summary>
internal static class SqliteStore
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 5,
    }.ToString();

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA busy_timeout=5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public static void Initialize(string connectionString, string schema)
    {
        using var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " + schema;
        command.ExecuteNonQuery();
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
