using Microsoft.Data.Sqlite;

namespace SecureRelay.Policy.Tests.Stores;

/// <summary>Raw SQL on a store's file, beside the code under test (to build an older database or read what it wrote).</summary>
internal static class StoreSql
{
    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
