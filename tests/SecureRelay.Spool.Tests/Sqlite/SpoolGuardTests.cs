using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

public sealed class SpoolGuardTests : SpoolTestBase
{
    [Test]
    public async Task Low_disk_refuses_commits_with_out_of_space()
    {
        SqliteMessageSpool spool = await OpenAsync(configure: o => o with { MinFreeBytes = long.MaxValue });
        Assert.That(spool.IsLowOnDisk, Is.True);
        await using ISpoolWriter w = spool.CreateWriter();
        await w.WriteAsync(new byte[10], CancellationToken.None);
        SpoolException? ex = Assert.ThrowsAsync<SpoolException>(async () => await w.CommitAsync(Envelope("a@b.example"), CancellationToken.None));
        Assert.That(ex!.IsOutOfSpace, Is.True);
        Assert.That(await ListAsync(spool), Is.Empty);
    }

    [Test]
    public async Task Enough_disk_accepts()
    {
        SqliteMessageSpool spool = await OpenAsync(configure: o => o with { MinFreeBytes = 1024 });
        Assert.That(spool.IsLowOnDisk, Is.False);
        Assert.That((await WriteAsync(spool, Content(10))).QueueId, Is.Not.Empty);
    }

    [Test]
    public async Task Key_file_is_created_0600_in_a_0700_directory_apart_from_the_data()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix permissions only.");
            return;
        }

        SqliteMessageSpool spool = await OpenAsync();
        string keyFile = Path.Combine(DataDir, "keys", "spool.key");
        Assert.That(File.Exists(keyFile), Is.True);
        Assert.That(new FileInfo(keyFile).Length, Is.EqualTo(32));
        Assert.That(File.GetUnixFileMode(keyFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(Path.Combine(DataDir, "keys")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.GetUnixFileMode(DataDir), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        Assert.That(File.GetUnixFileMode(spool.DatabasePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        byte[] first = File.ReadAllBytes(keyFile);
        await CloseAsync(spool);

        await OpenAsync();
        Assert.That(File.ReadAllBytes(keyFile), Is.EqualTo(first), "an existing key is reused, never replaced");
    }

    [Test]
    public async Task Configured_key_file_outside_the_data_directory_is_used()
    {
        string keyFile = Path.Combine(Root, "secrets", "spool.key");
        SqliteMessageSpool spool = await OpenAsync(configure: o => o with { KeyFile = keyFile });
        QueuedMessage m = await WriteAsync(spool, Content(10));
        Assert.That(File.Exists(keyFile), Is.True);
        Assert.That(Directory.Exists(Path.Combine(DataDir, "keys")), Is.False);
        Assert.That(await ReadAllAsync(spool, m.QueueId), Is.EqualTo(Content(10)));
    }

    [Test]
    public void Key_file_of_the_wrong_size_stops_start_up()
    {
        Directory.CreateDirectory(Path.Combine(DataDir, "keys"));
        File.WriteAllBytes(Path.Combine(DataDir, "keys", "spool.key"), new byte[31]);
        var spool = new SqliteMessageSpool(new SpoolOptions { DataDirectory = DataDir });
        Assert.ThrowsAsync<SpoolException>(async () => await spool.OpenAsync(CancellationToken.None));
    }
}
