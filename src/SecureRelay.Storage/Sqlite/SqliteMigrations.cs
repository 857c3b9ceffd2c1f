using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SecureRelay.Storage.Sqlite;

/// <summary>
/// Schema migrations recorded in a version table, <c>schema_version(component, version)</c>, so
/// several components may share a file. Step <c>i</c> (0-based) takes a component from version
/// <c>i</c> to <c>i + 1</c>; each step commits together with its version row, under an immediate
/// transaction, so concurrent openers apply it once and a failed step leaves the previous version.
/// A database written before the table existed is at version 0: its first step must be written with
/// <c>IF NOT EXISTS</c> so it adopts the tables already there.
/// </summary>
public static class SqliteMigrations
{
    /// <summary>Brings <paramref name="component"/> up to <c>migrations.Count</c>.</summary>
    /// <returns>The version now recorded.</returns>
    /// <exception cref="InvalidDataException">The recorded version is newer than this code knows.</exception>
    public static int Apply(SqliteConnection connection, string component, IReadOnlyList<string> migrations)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentNullException.ThrowIfNull(migrations);
        SqliteDatabase.Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version(component TEXT PRIMARY KEY, version INTEGER NOT NULL);");
        while (true)
        {
            SqliteDatabase.Execute(connection, "BEGIN IMMEDIATE;");
            try
            {
                var version = Version(connection, component);
                if (version > migrations.Count)
                {
                    throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                        $"{connection.DataSource}: {component} has schema version {version}; this build knows up to {migrations.Count}"));
                }

                if (version == migrations.Count)
                {
                    SqliteDatabase.Execute(connection, "COMMIT;");
                    return version;
                }

                SqliteDatabase.Execute(connection, migrations[version]);
                using (var record = connection.CreateCommand())
                {
                    record.CommandText = "INSERT INTO schema_version(component, version) VALUES($c, $v) ON CONFLICT(component) DO UPDATE SET version = excluded.version;";
                    record.Parameters.AddWithValue("$c", component);
                    record.Parameters.AddWithValue("$v", version + 1);
                    record.ExecuteNonQuery();
                }

                SqliteDatabase.Execute(connection, "COMMIT;");
            }
            catch
            {
                if (!connection.Handle!.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
                {
                    SqliteDatabase.Execute(connection, "ROLLBACK;");
                }

                throw;
            }
        }
    }

    /// <summary>The version recorded for <paramref name="component"/>; 0 when none is.</summary>
    public static int Version(SqliteConnection connection, string component)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version WHERE component = $c;";
        command.Parameters.AddWithValue("$c", component);
        return command.ExecuteScalar() is long v ? checked((int)v) : 0;
    }
}
