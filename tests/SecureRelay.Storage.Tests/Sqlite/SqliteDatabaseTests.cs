using Microsoft.Data.Sqlite;
using SecureRelay.Storage.Files;
using SecureRelay.Storage.Sqlite;

namespace SecureRelay.Storage.Tests.Sqlite;

public sealed class SqliteDatabaseTests : TempDirectory
{
    private static readonly string[] Steps =
    [
        "CREATE TABLE IF NOT EXISTS item(id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
        "ALTER TABLE item ADD COLUMN size INTEGER NOT NULL DEFAULT 0;",
    ];

    private string DbPath => Path.Combine(Root, "store.db");

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private SqliteConnection OpenNew(SqliteProfile profile) =>
        SqliteDatabase.Open(SqliteDatabase.ConnectionString(DbPath, create: true, pooling: false), profile);

    [Test]
    public void A_profile_sets_its_pragmas_on_every_connection()
    {
        var profile = SqliteProfile.Store with { SecureDelete = true, CacheKiB = 1234, BusyTimeoutMs = 4321, Tuning = ["temp_store=MEMORY"] };
        using var connection = OpenNew(profile);
        Assert.Multiple(() =>
        {
            Assert.That(Scalar(connection, "PRAGMA synchronous"), Is.EqualTo(2L));
            Assert.That(Scalar(connection, "PRAGMA busy_timeout"), Is.EqualTo(4321L));
            Assert.That(Scalar(connection, "PRAGMA foreign_keys"), Is.EqualTo(1L));
            Assert.That(Scalar(connection, "PRAGMA secure_delete"), Is.EqualTo(1L));
            Assert.That(Scalar(connection, "PRAGMA cache_size"), Is.EqualTo(-1234L));
            Assert.That(Scalar(connection, "PRAGMA temp_store"), Is.EqualTo(2L));
            Assert.That(Scalar(connection, "PRAGMA query_only"), Is.EqualTo(0L));
        });

        using var reader = OpenNew(new SqliteProfile { QueryOnly = true, Synchronous = SqliteSynchronous.Normal });
        Assert.That(Scalar(reader, "PRAGMA synchronous"), Is.EqualTo(1L));
        Assert.That(() => Scalar(reader, "CREATE TABLE t(x)"), Throws.InstanceOf<SqliteException>());
    }

    [Test]
    public void Initialize_turns_on_wal_applies_each_step_once_and_makes_the_files_private()
    {
        using (var connection = OpenNew(SqliteProfile.Store))
        {
            Assert.That(SqliteDatabase.Initialize(connection, "items", Steps), Is.EqualTo(2));
            Scalar(connection, "INSERT INTO item(name, size) VALUES('a', 3)");
            Assert.That(Scalar(connection, "PRAGMA journal_mode"), Is.EqualTo("wal"));
        }

        using (var again = OpenNew(SqliteProfile.Store))
        {
            Assert.That(SqliteDatabase.Initialize(again, "items", Steps), Is.EqualTo(2), "nothing re-applied: the ALTER would fail");
            Assert.That(Scalar(again, "SELECT size FROM item"), Is.EqualTo(3L));
        }

        Assert.That(File.GetUnixFileMode(DbPath), Is.EqualTo(PrivateFiles.FileMode));
    }

    [Test]
    public void A_database_from_before_the_version_table_is_adopted_by_step_one()
    {
        using (var legacy = OpenNew(SqliteProfile.Store))
        {
            SqliteDatabase.Execute(legacy, "CREATE TABLE item(id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO item(name) VALUES('kept');");
        }

        using var connection = OpenNew(SqliteProfile.Store);
        SqliteDatabase.Initialize(connection, "items", Steps);
        Assert.That(Scalar(connection, "SELECT name || ':' || size FROM item"), Is.EqualTo("kept:0"));
        Assert.That(SqliteMigrations.Version(connection, "items"), Is.EqualTo(2));
    }

    [Test]
    public void Components_sharing_a_file_keep_their_own_versions_and_a_newer_one_is_refused()
    {
        using var connection = OpenNew(SqliteProfile.Store);
        SqliteMigrations.Apply(connection, "items", Steps);
        SqliteMigrations.Apply(connection, "other", ["CREATE TABLE other(x);"]);
        Assert.That((SqliteMigrations.Version(connection, "items"), SqliteMigrations.Version(connection, "other")), Is.EqualTo((2, 1)));

        Assert.That(() => SqliteMigrations.Apply(connection, "items", Steps[..1]),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("items has schema version 2; this build knows up to 1"));
        Assert.That(Scalar(connection, "SELECT count(*) FROM item"), Is.EqualTo(0L), "the connection is usable afterwards (no transaction left open)");
    }

    [Test]
    public void A_failing_step_leaves_the_previous_version_and_no_partial_change()
    {
        using var connection = OpenNew(SqliteProfile.Store);
        string[] broken = [Steps[0], "CREATE TABLE half(x); ALTER TABLE missing ADD COLUMN y;"];
        Assert.That(() => SqliteMigrations.Apply(connection, "items", broken), Throws.InstanceOf<SqliteException>());
        Assert.That(SqliteMigrations.Version(connection, "items"), Is.EqualTo(1));
        Assert.That(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name='half'"), Is.EqualTo(0L));
        Assert.That(SqliteMigrations.Apply(connection, "items", Steps), Is.EqualTo(2));
    }
}
