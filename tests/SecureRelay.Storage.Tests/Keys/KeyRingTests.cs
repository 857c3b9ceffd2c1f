using System.Security.Cryptography;
using System.Text;
using SecureRelay.Storage.Files;
using SecureRelay.Storage.Keys;

namespace SecureRelay.Storage.Tests.Keys;

public sealed class KeyRingTests : TempDirectory
{
    private static string HexId(byte[] material) => Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, 4));

    [Test]
    public void Directory_layout_creates_a_private_key_in_a_private_directory_and_reuses_it()
    {
        var keyFile = Path.Combine(Root, "keys", "spool.key");
        string firstId;
        using (var ring = KeyRing.Open(new KeyFileDirectory(keyFile, [], HexId), requirePrivate: true))
        {
            Assert.That(ring.Created, Is.True);
            firstId = ring.CurrentKeyId;
            Assert.That(firstId, Is.EqualTo(HexId(File.ReadAllBytes(keyFile))));
        }

        Assert.That(File.GetUnixFileMode(keyFile), Is.EqualTo(PrivateFiles.FileMode));
        Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!), Is.EqualTo(PrivateFiles.DirectoryMode));
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(keyFile)!), Has.Length.EqualTo(1), "no temporary file left behind");
        using var again = KeyRing.Open(new KeyFileDirectory(keyFile, [], HexId), requirePrivate: true);
        Assert.That((again.Created, again.CurrentKeyId), Is.EqualTo((false, firstId)));
    }

    [Test]
    public void Directory_layout_rotation_makes_a_new_current_key_and_keeps_the_old_one_readable()
    {
        var keyFile = Path.Combine(Root, "keys", "spool.key");
        var layout = new KeyFileDirectory(keyFile, [], HexId);
        byte[] oldKey;
        string oldId;
        using (var ring = KeyRing.Open(layout, requirePrivate: true))
        {
            oldId = ring.CurrentKeyId;
            oldKey = ring.CurrentKey.ToArray();
        }

        var newId = KeyRing.Rotate(layout, requirePrivate: true);
        Assert.That(File.ReadAllBytes(layout.RetiredPath(oldId)), Is.EqualTo(oldKey));
        using var rotated = KeyRing.Open(layout, requirePrivate: true);
        Assert.That(rotated.CurrentKeyId, Is.EqualTo(newId).And.Not.EqualTo(oldId));
        Assert.That(rotated.KeyIds, Is.EqualTo(new[] { newId, oldId }));
        Assert.That(rotated.TryGetKey(oldId, out var key), Is.True);
        Assert.That(key.ToArray(), Is.EqualTo(oldKey));
    }

    [Test]
    public void Directory_layout_reads_retired_files_kept_elsewhere_and_refuses_a_short_key()
    {
        var keyFile = Path.Combine(Root, "keys", "spool.key");
        var elsewhere = Path.Combine(Root, "vault", "old.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        var retired = RandomNumberGenerator.GetBytes(32);
        File.WriteAllBytes(elsewhere, retired);
        File.SetUnixFileMode(elsewhere, PrivateFiles.FileMode);
        using (var ring = KeyRing.Open(new KeyFileDirectory(keyFile, [elsewhere], HexId), requirePrivate: true))
        {
            Assert.That(ring.KeyIds, Has.Count.EqualTo(2));
            Assert.That(ring.TryGetKey(HexId(retired), out _), Is.True);
        }

        File.WriteAllBytes(Path.Combine(Root, "keys", "short.key"), new byte[31]);
        Assert.That(() => KeyRing.Open(new KeyFileDirectory(keyFile, [], HexId), requirePrivate: true),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("exactly 32 bytes, found 31"));
    }

    [Test]
    public void A_key_file_others_can_read_is_refused_or_reported()
    {
        var keyFile = Path.Combine(Root, "escrow.key");
        using (KeyRing.Open(new KeyListFile(keyFile), requirePrivate: true))
        {
        }

        File.SetUnixFileMode(keyFile, PrivateFiles.FileMode | UnixFileMode.OtherRead);
        Assert.That(() => KeyRing.Open(new KeyListFile(keyFile), requirePrivate: true),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("chmod 600"));
        Assert.That(() => KeyRing.Rotate(new KeyListFile(keyFile), requirePrivate: true), Throws.InstanceOf<InvalidDataException>());
        using var lenient = KeyRing.Open(new KeyListFile(keyFile), requirePrivate: false);
        Assert.That(lenient.FilesOpenToOthers, Is.EqualTo(new[] { Path.GetFullPath(keyFile) }));
    }

    [Test]
    public void List_layout_reads_a_hand_written_file_last_line_current_and_rotates_atomically()
    {
        var keyFile = Path.Combine(Root, "escrow.key");
        byte[] a = RandomNumberGenerator.GetBytes(32), b = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(keyFile, $"# escrow keys\nold-1 {Convert.ToBase64String(a)}\r\n\nk0123456789ab {Convert.ToBase64String(b)}");
        File.SetUnixFileMode(keyFile, PrivateFiles.FileMode);
        using (var ring = KeyRing.Open(new KeyListFile(keyFile), requirePrivate: true))
        {
            Assert.That(ring.Created, Is.False);
            Assert.That(ring.KeyIds, Is.EqualTo(new[] { "k0123456789ab", "old-1" }));
            Assert.That(ring.CurrentKey.ToArray(), Is.EqualTo(b));
        }

        var newId = KeyRing.Rotate(new KeyListFile(keyFile), requirePrivate: true);
        Assert.That(newId, Does.Match("^k[0-9a-f]{12}$"));
        Assert.That(File.ReadAllText(keyFile), Does.StartWith($"# escrow keys\nold-1 {Convert.ToBase64String(a)}\r\n"), "earlier lines are kept as written");
        Assert.That(File.GetUnixFileMode(keyFile), Is.EqualTo(PrivateFiles.FileMode));
        Assert.That(Directory.GetFiles(Root), Has.Length.EqualTo(1), "no temporary file left behind");
        using var rotated = KeyRing.Open(new KeyListFile(keyFile), requirePrivate: true);
        Assert.That(rotated.KeyIds, Is.EqualTo(new[] { newId, "k0123456789ab", "old-1" }));
        Assert.That(rotated.TryGetKey("old-1", out var key) && key.Span.SequenceEqual(a), Is.True);
    }

    [TestCase("k1 c2hvcnQ=\n", 1)]
    [TestCase("k1\n", 1)]
    [TestCase("# only a comment\n\n", 0)]
    public void List_layout_names_the_bad_line(string content, int line)
    {
        var keyFile = Path.Combine(Root, "escrow.key");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(keyFile, content);
        File.SetUnixFileMode(keyFile, PrivateFiles.FileMode);
        var expected = line == 0 ? "holds no key" : $"escrow.key:{line}: expected '<unique key id> <base64 of 32 bytes>'";
        Assert.That(() => KeyRing.Open(new KeyListFile(keyFile), requirePrivate: true),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains(expected));

        File.WriteAllText(keyFile, $"dup {key}\ndup {key}\n");
        Assert.That(() => KeyRing.Open(new KeyListFile(keyFile), requirePrivate: true),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("escrow.key:2:"));
    }

    [Test]
    public void List_layout_refuses_a_file_larger_than_its_limit()
    {
        var keyFile = Path.Combine(Root, "escrow.key");
        File.WriteAllText(keyFile, new string('#', (int)KeyListFile.MaxBytes + 1), Encoding.ASCII);
        File.SetUnixFileMode(keyFile, PrivateFiles.FileMode);
        Assert.That(() => KeyRing.Open(new KeyListFile(keyFile), requirePrivate: true),
            Throws.InstanceOf<InvalidDataException>().With.Message.Contains("larger than 65536 bytes"));
    }
}
