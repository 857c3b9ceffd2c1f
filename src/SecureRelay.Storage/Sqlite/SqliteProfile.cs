using System.Globalization;
using System.Text;

namespace SecureRelay.Storage.Sqlite;

/// <summary>
/// The per-connection settings of one use of SQLite, applied by <see cref="SqliteDatabase.Open"/> to
/// every connection it opens (SQLite forgets them when a connection closes). The journal mode is a
/// property of the file and is set once, by <see cref="SqliteDatabase.Initialize"/>.
/// </summary>
public sealed record SqliteProfile
{
    /// <summary>Small stores (consent, suppression, escrow): every commit fsync'ed, a 5 s wait for a lock, foreign keys enforced.</summary>
    public static SqliteProfile Store { get; } = new() { ForeignKeys = true };

    /// <summary>Durability of a commit.</summary>
    public SqliteSynchronous Synchronous { get; init; } = SqliteSynchronous.Full;

    /// <summary>How long a statement waits for another connection's lock.</summary>
    public int BusyTimeoutMs { get; init; } = 5000;

    /// <summary>Enforce FOREIGN KEY constraints (SQLite does not by default).</summary>
    public bool ForeignKeys { get; init; }

    /// <summary>Zero freed pages, so deleted records do not linger in the file (crypto-shredding).</summary>
    public bool SecureDelete { get; init; }

    /// <summary>Refuse writes on this connection.</summary>
    public bool QueryOnly { get; init; }

    /// <summary>Page cache in KiB; null leaves SQLite's default.</summary>
    public int? CacheKiB { get; init; }

    /// <summary>Further pragmas of this use, applied last as written (e.g. <c>temp_store=MEMORY</c>).</summary>
    public IReadOnlyList<string> Tuning { get; init; } = [];

    /// <summary>The <c>PRAGMA</c> statements this profile runs on a new connection.</summary>
    public string ToSql()
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"PRAGMA synchronous={(int)Synchronous};");
        if (CacheKiB is { } cache)
        {
            sql.Append(CultureInfo.InvariantCulture, $"PRAGMA cache_size=-{cache};");
        }

        if (ForeignKeys)
        {
            sql.Append("PRAGMA foreign_keys=ON;");
        }

        if (SecureDelete)
        {
            sql.Append("PRAGMA secure_delete=ON;");
        }

        if (QueryOnly)
        {
            sql.Append("PRAGMA query_only=1;");
        }

        foreach (var pragma in Tuning)
        {
            sql.Append("PRAGMA ").Append(pragma).Append(';');
        }

        sql.Append(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout={BusyTimeoutMs};");
        return sql.ToString();
    }
}
