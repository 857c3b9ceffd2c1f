using Microsoft.Data.Sqlite;

namespace SecureRelay.Policy.Stores;

/// <summary>The CSV import both stores share: a header row naming the columns, then every row in
/// one transaction; a row whose handler throws <see cref="ArgumentException"/> is reported by line
/// and skipped.</summary>
internal static class CsvImport
{
    /// <summary>Stores one row: true when added, false when already present.</summary>
    public delegate bool RowHandler(SqliteConnection connection, SqliteTransaction transaction, Func<string, string?> field);

    /// <summary>Imports <paramref name="csv"/>; <paramref name="requiredColumn"/> must be named by the header.</summary>
    /// <exception cref="FormatException">The header is missing or the file exceeds the reader's bounds.</exception>
    public static CsvImportResult Run(string connectionString, TextReader csv, string requiredColumn, RowHandler row)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var errors = new List<string>();
        int added = 0, skipped = 0;
        Dictionary<string, int>? columns = null;
        var column = $"{(requiredColumn[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} '{requiredColumn}' column";
        using var connection = SqliteStore.Open(connectionString);
        using var transaction = connection.BeginTransaction();
        foreach (var (line, fields) in CsvReader.Read(csv))
        {
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (name, i) in fields.Select((name, i) => (name.ToLowerInvariant(), i)))
                {
                    columns.TryAdd(name, i);
                }

                if (!columns.ContainsKey(requiredColumn))
                {
                    throw new FormatException($"line {line}: the header must name {column}");
                }

                continue;
            }

            string? Field(string name) => columns.TryGetValue(name, out var i) && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;
            try
            {
                if (row(connection, transaction, Field))
                {
                    added++;
                }
                else
                {
                    skipped++;
                }
            }
            catch (ArgumentException e)
            {
                errors.Add($"line {line}: {e.Message}");
            }
        }

        if (columns is null)
        {
            throw new FormatException($"line 1: empty file; expected a header row with {column}");
        }

        transaction.Commit();
        return new CsvImportResult(added, skipped, errors);
    }
}
