using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using SecureRelay.Security.Escrow;
using SecureRelay.Security.Tests.Encryption;
using SecureRelay.Storage.Keys;

namespace SecureRelay.Security.Tests.Escrow;

public sealed class EscrowStoreTests
{
    private const string Phi = "Patient Jane Q. Example, DOB 1961-04-02, HIV viral load 20000 copies/mL";

    private TempDirectory _dir = null!;
    private ManualTimeProvider _clock = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private EscrowOptions Options() => new()
    {
        DatabasePath = _dir.File("data/escrow.db"),
        KeyFile = _dir.File("keys/escrow.key"),
        PortalBaseUrl = "https://portal.example.org",
        NoticeSender = "notices@relay.example.org",
    };

    private static byte[] Message(string text) => Encoding.UTF8.GetBytes(
        "From: clinic@example.com\r\nTo: pat@example.net\r\nSubject: Lab results for Jane\r\n\r\n" + text + "\r\n");

    [Test]
    public void Store_then_open_with_token_returns_original_and_marks_read()
    {
        var store = new EscrowStore(Options(), _clock);
        var content = Message(Phi);
        var stored = store.Store("Pat@Example.net", "example.com", content);

        Assert.That(stored.Token, Does.Match("^[A-Za-z0-9_-]{43}$"), "32 random bytes, base64url without padding");
        Assert.That(stored.ExpiresAt, Is.EqualTo(_clock.Now.AddDays(30)));

        _clock.Advance(TimeSpan.FromHours(1));
        var opened = store.Open(stored.Token);
        Assert.Multiple(() =>
        {
            Assert.That(opened.Outcome, Is.EqualTo(EscrowOpenOutcome.Opened));
            Assert.That(opened.Content, Is.EqualTo(content));
            Assert.That(opened.Record!.Status, Is.EqualTo(EscrowStatus.Read));
            Assert.That(opened.Record.RecipientDomain, Is.EqualTo("example.net"));
        });

        var shown = store.Show(stored.Id)!;
        Assert.Multiple(() =>
        {
            Assert.That(shown.Status, Is.EqualTo(EscrowStatus.Read));
            Assert.That(shown.ReadAt, Is.EqualTo(_clock.Now));
            Assert.That(shown.SizeBytes, Is.EqualTo(content.Length));
            Assert.That(shown.KeyId, Is.EqualTo(store.CurrentKeyId));
        });

        // Still readable a second time until expiry.
        Assert.That(store.Open(stored.Token).Content, Is.EqualTo(content));
    }

    [Test]
    public void Stores_a_mime_message_with_sender_domain_from_from()
    {
        var store = new EscrowStore(Options(), _clock);
        var message = new MimeKit.MimeMessage();
        message.From.Add(MimeKit.MailboxAddress.Parse("lab@Clinic.Example.com"));
        message.To.Add(MimeKit.MailboxAddress.Parse("pat@example.net"));
        message.Subject = "Lab results";
        message.Body = new MimeKit.TextPart("plain") { Text = Phi };
        var stored = store.Store("pat@example.net", message);

        Assert.That(store.Show(stored.Id)!.SenderDomain, Is.EqualTo("clinic.example.com"));
        var reopened = MimeKit.MimeMessage.Load(new MemoryStream(store.Open(stored.Token).Content!));
        Assert.That(reopened.TextBody, Does.Contain(Phi));
    }

    [Test]
    public void Wrong_or_malformed_token_opens_nothing()
    {
        var store = new EscrowStore(Options(), _clock);
        var stored = store.Store("pat@example.net", "example.com", Message(Phi));
        var tampered = (stored.Token[0] == 'A' ? "B" : "A") + stored.Token[1..];

        Assert.Multiple(() =>
        {
            Assert.That(store.Open(tampered).Outcome, Is.EqualTo(EscrowOpenOutcome.NotFound));
            Assert.That(store.Open(tampered).Content, Is.Null);
            Assert.That(store.Open("").Outcome, Is.EqualTo(EscrowOpenOutcome.NotFound));
            Assert.That(store.Open(new string('a', 500)).Outcome, Is.EqualTo(EscrowOpenOutcome.NotFound));
            Assert.That(store.Show(stored.Id)!.Status, Is.EqualTo(EscrowStatus.Pending));
        });
    }

    [Test]
    public void Database_holds_only_token_hash_and_ciphertext()
    {
        var options = Options();
        var store = new EscrowStore(options, _clock);
        var stored = store.Store("pat@example.net", "example.com", Message(Phi));
        SqliteConnection.ClearAllPools();

        var bytes = Directory.GetFiles(Path.GetDirectoryName(options.DatabasePath)!)
            .SelectMany(File.ReadAllBytes).ToArray();
        Assert.That(bytes, Has.Length.GreaterThan(0));
        Assert.Multiple(() =>
        {
            Assert.That(Contains(bytes, Encoding.UTF8.GetBytes("viral load")), Is.False, "plaintext body on disk");
            Assert.That(Contains(bytes, Encoding.UTF8.GetBytes("Lab results")), Is.False, "plaintext subject on disk");
            Assert.That(Contains(bytes, Encoding.UTF8.GetBytes(stored.Token)), Is.False, "plaintext token on disk");
            Assert.That(Contains(bytes, SHA256.HashData(Encoding.UTF8.GetBytes(stored.Token))), Is.True, "token hash stored");
        });

        var keyFile = File.ReadAllBytes(options.KeyFile);
        Assert.That(Contains(bytes, keyFile[^45..^1]), Is.False, "master key material in the database");
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(options.KeyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    public void Expired_message_cannot_be_opened_and_purge_destroys_it()
    {
        var store = new EscrowStore(Options(), _clock);
        var shortLived = store.Store("pat@example.net", "example.com", Message(Phi), TimeSpan.FromDays(1));
        var longLived = store.Store("doc@example.net", "example.com", Message("other"));

        _clock.Advance(TimeSpan.FromDays(2));
        var opened = store.Open(shortLived.Token);
        Assert.Multiple(() =>
        {
            Assert.That(opened.Outcome, Is.EqualTo(EscrowOpenOutcome.Expired));
            Assert.That(opened.Content, Is.Null);
            Assert.That(store.List(EscrowStatus.Expired).Select(r => r.Id), Is.EqualTo(new[] { shortLived.Id }));
            Assert.That(store.List(EscrowStatus.Pending).Select(r => r.Id), Is.EqualTo(new[] { longLived.Id }));
        });

        Assert.That(store.PurgeExpired(), Is.EqualTo(1));
        Assert.That(store.PurgeExpired(), Is.Zero, "purge is idempotent");
        Assert.That(store.Show(shortLived.Id)!.Status, Is.EqualTo(EscrowStatus.Expired));
        Assert.That(store.Open(longLived.Token).Outcome, Is.EqualTo(EscrowOpenOutcome.Opened));

        // Even with the clock turned back, the destroyed record stays unopenable.
        _clock.Advance(TimeSpan.FromDays(-2));
        Assert.That(store.Open(shortLived.Token).Outcome, Is.EqualTo(EscrowOpenOutcome.Expired));
    }

    [Test]
    public void Purge_leaves_no_wrapped_key_or_ciphertext_bytes_in_the_files()
    {
        var options = Options();
        var store = new EscrowStore(options, _clock);
        var stored = store.Store("pat@example.net", "example.com", Message(Phi), TimeSpan.FromDays(1));
        byte[] wrapped;
        byte[] ciphertext;
        using (var connection = new SqliteConnection("Data Source=" + options.DatabasePath))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT wrapped_key, ciphertext FROM escrow_messages WHERE id = $id;";
            command.Parameters.AddWithValue("$id", stored.Id);
            using var reader = command.ExecuteReader();
            Assert.That(reader.Read(), Is.True);
            wrapped = (byte[])reader[0];
            ciphertext = (byte[])reader[1];
        }

        _clock.Advance(TimeSpan.FromDays(2));
        Assert.That(store.PurgeExpired(), Is.EqualTo(1));
        SqliteConnection.ClearAllPools();
        var bytes = Directory.GetFiles(Path.GetDirectoryName(options.DatabasePath)!).SelectMany(File.ReadAllBytes).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Contains(bytes, wrapped[..32]), Is.False, "wrapped key survived the purge");
            Assert.That(Contains(bytes, ciphertext[..32]), Is.False, "ciphertext survived the purge");
        });
    }

    [Test]
    public void Revoked_message_cannot_be_opened()
    {
        var store = new EscrowStore(Options(), _clock);
        var stored = store.Store("pat@example.net", null, Message(Phi));
        Assert.That(store.Revoke(stored.Id), Is.True);
        Assert.That(store.Revoke("nope"), Is.False);
        Assert.That(store.Open(stored.Token).Outcome, Is.EqualTo(EscrowOpenOutcome.Revoked));
    }

    [Test]
    public void List_reports_metadata_only()
    {
        var store = new EscrowStore(Options(), _clock);
        store.Store("a@one.example", "example.com", Message(Phi));
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.Store("b@two.example", "example.com", Message(Phi));

        var list = store.List();
        Assert.That(list.Select(r => r.Recipient), Is.EqualTo(new[] { "b@two.example", "a@one.example" }));
        Assert.That(list.Select(r => r.RecipientDomain), Is.EqualTo(new[] { "two.example", "one.example" }));
        Assert.That(store.List(limit: 1), Has.Count.EqualTo(1));
    }

    [Test]
    public void Records_survive_restart_and_key_rotation()
    {
        var options = Options();
        var first = new EscrowStore(options, _clock);
        var old = first.Store("pat@example.net", "example.com", Message(Phi));
        SqliteConnection.ClearAllPools();

        var newKeyId = KeyRing.Rotate(new KeyListFile(options.KeyFile), requirePrivate: true);
        var second = new EscrowStore(options, _clock);
        Assert.That(second.CurrentKeyId, Is.EqualTo(newKeyId));
        var fresh = second.Store("pat@example.net", "example.com", Message("new"));

        Assert.Multiple(() =>
        {
            Assert.That(second.Open(old.Token).Content, Is.EqualTo(Message(Phi)));
            Assert.That(second.Show(old.Id)!.KeyId, Is.Not.EqualTo(newKeyId));
            Assert.That(second.Show(fresh.Id)!.KeyId, Is.EqualTo(newKeyId));
        });
    }

    [Test]
    public void Tampered_ciphertext_fails_authentication()
    {
        var options = Options();
        var store = new EscrowStore(options, _clock);
        var stored = store.Store("pat@example.net", "example.com", Message(Phi));
        using (var connection = new SqliteConnection("Data Source=" + options.DatabasePath))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE escrow_messages SET ciphertext = zeroblob(length(ciphertext));";
            command.ExecuteNonQuery();
        }

        Assert.That(() => store.Open(stored.Token), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public void Key_file_readable_by_others_is_refused()
    {
        var options = Options();
        _ = new EscrowStore(options, _clock);
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("unix permissions only");
            return;
        }

        File.SetUnixFileMode(options.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Assert.That(() => new EscrowStore(options, _clock),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("chmod 600"));
    }

    [Test]
    public void Oversized_message_is_rejected()
    {
        var options = Options();
        options.MaxMessageBytes = 10;
        var store = new EscrowStore(options, _clock);
        Assert.That(() => store.Store("pat@example.net", null, new byte[11]), Throws.ArgumentException);
    }

    [Test]
    public void Persisted_status_values_are_frozen()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)EscrowStatus.Pending, Is.Zero);
            Assert.That((int)EscrowStatus.Read, Is.EqualTo(1));
            Assert.That((int)EscrowStatus.Expired, Is.EqualTo(2));
            Assert.That((int)EscrowStatus.Revoked, Is.EqualTo(3));
        });
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    /// <summary>A store written before the shared key ring and the schema version table opens and
    /// decrypts unchanged: the key file is written by hand in that layout (one <c>&lt;id&gt; &lt;base64&gt;</c>
    /// line per key, the last current, rotation by appending a line) and the database is put back to
    /// that format (no <c>schema_version</c> table).</summary>
    [Test]
    public void A_hand_written_key_file_and_a_store_without_version_table_open_and_decrypt()
    {
        var options = Options();
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
