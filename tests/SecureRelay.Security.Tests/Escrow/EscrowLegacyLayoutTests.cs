using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using SecureRelay.Security.Escrow;
using SecureRelay.Security.Tests.Encryption;

namespace SecureRelay.Security.Tests.Escrow;

/// <summary>An escrow store written before the shared key ring and the schema version table must
/// open and decrypt unchanged. The key file is written here by hand in that layout (one
/// <c>&lt;id&gt; &lt;base64&gt;</c> line per key, the last current, rotation by appending a line) and the
/// database is put back to that format (no <c>schema_version</c> table).</summary>
public sealed class EscrowLegacyLayoutTests
{
    private ProtectionTestDirectory _dir = null!;

    [SetUp]
    public void SetUp() => _dir = new ProtectionTestDirectory();

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Test]
    public void A_hand_written_key_file_and_a_store_without_version_table_open_and_decrypt()
    {
        var options = new EscrowOptions
        {
            DatabasePath = _dir.File("data/escrow.db"),
            KeyFile = _dir.File("keys/escrow.key"),
            PortalBaseUrl = "https://portal.example.org",
            NoticeSender = "notices@relay.example.org",
        };
        Directory.CreateDirectory(Path.GetDirectoryName(options.KeyFile)!);
        var oldKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(options.KeyFile, $"kolder000001 {oldKey}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(options.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var content = Encoding.UTF8.GetBytes("From: clinic@example.com\r\nSubject: results\r\n\r\nsealed under the old key\r\n");

        var first = new EscrowStore(options);
        Assert.That(first.CurrentKeyId, Is.EqualTo("kolder000001"));
        var old = first.Store("pat@example.net", "example.com", content);
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={options.DatabasePath}"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE schema_version;";
            drop.ExecuteNonQuery();
        }

        // Rotation as older releases did it: append a line.
        File.AppendAllText(options.KeyFile, $"knewer000002 {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n");

        var reopened = new EscrowStore(options);
        Assert.That(reopened.CurrentKeyId, Is.EqualTo("knewer000002"));
        var opened = reopened.Open(old.Token);
        Assert.That(opened.Outcome, Is.EqualTo(EscrowOpenOutcome.Opened));
        Assert.That(opened.Content, Is.EqualTo(content));
        Assert.That(opened.Record!.KeyId, Is.EqualTo("kolder000001"));
        var fresh = reopened.Store("pat@example.net", "example.com", content);
        Assert.That(reopened.Show(fresh.Id)!.KeyId, Is.EqualTo("knewer000002"));
    }
}
