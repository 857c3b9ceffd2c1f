using Microsoft.Data.Sqlite;
using SecureRelay.Policy.Stores;

namespace SecureRelay.Policy.Tests.Stores;

/// <summary>Consent and suppression databases written before the schema version table (tables made
/// here by hand with the schema of that time) open with their rows, and are then recorded at version 1.</summary>
public class LegacyStoreTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp()
    {
        _dir = Path.Combine(Path.GetTempPath(), "sr-legacy-store-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static object? Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    [Test]
    public void A_consent_database_without_version_table_keeps_its_authorizations()
    {
        var path = Path.Combine(_dir, "consent.db");
        Execute(path, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE consent (id INTEGER PRIMARY KEY AUTOINCREMENT, recipient TEXT NOT NULL, scope TEXT NOT NULL,
                granted_at INTEGER NOT NULL, expires_at INTEGER NULL, revoked_at INTEGER NULL, source TEXT NULL);
            CREATE INDEX consent_recipient ON consent (recipient, scope);
            INSERT INTO consent(recipient, scope, granted_at) VALUES('pat@example.org', 'marketing', 1700000000000);
            """);

        var store = new ConsentStore(path);
        Assert.That(store.HasAuthorization("pat@example.org", "marketing", DateTimeOffset.FromUnixTimeMilliseconds(1800000000000)), Is.True);
        Assert.That(store.HasAuthorization("other@example.org", "marketing", DateTimeOffset.FromUnixTimeMilliseconds(1800000000000)), Is.False);
        SqliteConnection.ClearAllPools();
        Assert.That(Execute(path, "SELECT version FROM schema_version WHERE component='consent'"), Is.EqualTo(1L));
    }

    [Test]
    public void A_suppression_database_without_version_table_keeps_its_entries()
    {
        var path = Path.Combine(_dir, "suppression.db");
        Execute(path, """
            CREATE TABLE suppression (entry TEXT PRIMARY KEY, reason TEXT NULL, added_at INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO suppression VALUES('@blocked.example', 'complaint', 1700000000000);
            """);

        var list = new SuppressionList(path);
        Assert.That(list.List().Select(e => e.Entry), Is.EqualTo(new[] { "@blocked.example" }));
        Assert.That(list.Add("@blocked.example"), Is.False, "the old row is the same entry");
        SqliteConnection.ClearAllPools();
        Assert.That(Execute(path, "SELECT version FROM schema_version WHERE component='suppression'"), Is.EqualTo(1L));
    }
}
