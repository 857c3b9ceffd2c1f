using System.Buffers.Binary;
using System.Security.Cryptography;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>Spools written before the shared key ring and the schema version table must open and
/// decrypt unchanged: key files are built here by hand in that layout (32 raw bytes per file, the
/// current one <c>keys/spool.key</c>, retired ones <c>spool-&lt;id&gt;.key</c> beside it, ids the first four
/// bytes of SHA-256 over a label and the key), and the database is put back to that format
/// (<c>user_version</c> 1, no <c>schema_version</c> table).</summary>
public sealed class LegacyLayoutTests : SpoolTestBase
{
    private string KeyDir => Path.Combine(DataDir, "keys");

    private string DbPath => Path.Combine(DataDir, "spool.db");

    [Test]
    public async Task A_spool_with_hand_made_key_files_and_no_version_table_opens_and_decrypts()
    {
        byte[] oldKey = Bytes(0x11), newKey = Bytes(0x22);
        Directory.CreateDirectory(KeyDir);
        File.WriteAllBytes(Path.Combine(KeyDir, "spool.key"), oldKey);
        if (!OperatingSystem.IsWindows())
        {
            // Older releases only warned about a group-readable key: it must still open.
            File.SetUnixFileMode(Path.Combine(KeyDir, "spool.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage old = await WriteAsync(spool, Content(150_000, 7), Envelope("a@x.example", "b@y.example"));
        await CloseAsync(spool);

        // Back to the format before the version table, and a rotation done by hand the old way.
        Sql(DbPath, "DROP TABLE schema_version");
        Assert.That(Sql(DbPath, "PRAGMA user_version"), Is.EqualTo(1));
        File.Move(Path.Combine(KeyDir, "spool.key"), Path.Combine(KeyDir, $"spool-{LegacyId(oldKey):x8}.key"));
        File.WriteAllBytes(Path.Combine(KeyDir, "spool.key"), newKey);

        spool = await OpenAsync();
        Assert.That(LastReport!.Quarantined, Is.Empty);
        Assert.That(LastReport.Messages, Is.EqualTo(1));
        Assert.That(await ReadAllAsync(spool, old.QueueId), Is.EqualTo(Content(150_000, 7)));
        QueuedMessage fresh = await WriteAsync(spool, Content(900, 8));
        await CloseAsync(spool);

        Assert.That(Sql(DbPath, "SELECT key_id FROM message WHERE id=$k", ("$k", KeyOf(old.QueueId))), Is.EqualTo(LegacyId(oldKey)));
        Assert.That(Sql(DbPath, "SELECT key_id FROM message WHERE id=$k", ("$k", KeyOf(fresh.QueueId))), Is.EqualTo(LegacyId(newKey)), "new records use the current key");
        Assert.That(Sql(DbPath, "SELECT version FROM schema_version WHERE component='spool'"), Is.EqualTo(1), "the old schema was adopted as version 1");
        Assert.That(Sql(DbPath, "PRAGMA user_version"), Is.EqualTo(1), "older builds still see the version they know");
        Assert.That(SpoolDatabase.Migrations, Has.Count.EqualTo(SpoolFormat.SchemaVersion));
    }

    [Test]
    public async Task A_spool_from_a_newer_build_is_refused()
    {
        SqliteMessageSpool spool = await OpenAsync();
        await CloseAsync(spool);
        Sql(DbPath, "UPDATE schema_version SET version=2 WHERE component='spool'");

        var newer = new SqliteMessageSpool(new SpoolOptions { DataDirectory = DataDir, MinFreeBytes = 0 });
        var error = Assert.ThrowsAsync<SpoolException>(async () => await newer.OpenAsync(CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("schema version 2; this build knows up to 1"));
    }

    private static byte[] Bytes(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(seed + i)).ToArray();

    /// <summary>Today's key id, computed here independently of the code under test.</summary>
    private static long LegacyId(byte[] key)
    {
        byte[] hash = SHA256.HashData([.. "securerelay-spool-key-id"u8, .. key]);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }
}
