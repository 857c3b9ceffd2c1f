using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>Everything under data_dir is private to the relay's user: what it creates (spool, WAL
/// and shared-memory files, stores, escrow, audit trail) and what was there before it started.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DataDirectoryPermissionsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    [Test]
    public async Task EveryFileIs0600AndEveryDirectory0700AfterAMessage()
    {
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none"), dir =>
        {
            // Left by an older version or an operator: world-readable.
            var stores = Directory.CreateDirectory(Path.Combine(dir, "data", "stores")).FullName;
            File.SetUnixFileMode(Path.Combine(dir, "data"), (UnixFileMode)0x1ED); // 0755
            File.SetUnixFileMode(stores, (UnixFileMode)0x1ED);
            var stray = Path.Combine(dir, "data", "stray.txt");
            File.WriteAllText(stray, "x");
            File.SetUnixFileMode(stray, (UnixFileMode)0x1A4); // 0644
        });

        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "r@dest.test", Wait, "--body", "permissions 6b0e");
        Assert.That(code, Is.Zero, output);
        Assert.That(await sink.WaitForMessagesAsync(1, Wait), Is.EqualTo(1), relay.Log);
        var audit = Path.Combine(relay.Directory, "data", "audit", "audit.jsonl");
        var deadline = DateTime.UtcNow + Wait;
        while (!File.Exists(audit) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var data = Path.Combine(relay.Directory, "data");
        var entries = Directory.EnumerateFileSystemEntries(data, "*", SearchOption.AllDirectories).Append(data).ToList();
        // The walk must cover what the findings named, or it proves nothing.
        Assert.That(entries, Has.Some.EndsWith("audit.jsonl"));
        Assert.That(entries, Has.Some.EndsWith(".db-wal"));
        Assert.That(entries, Has.Some.Contains(Path.Combine("stores", "")));
        Assert.That(entries, Has.Some.EndsWith("stray.txt"));
        var wrong = entries
            .Select(e => (Path: e, Mode: File.GetUnixFileMode(e), IsDirectory: Directory.Exists(e)))
            .Where(e => e.Mode != (e.IsDirectory ? PrivateDirectory : PrivateFile))
            .Select(e => $"{e.Path}: {Convert.ToString((int)e.Mode, 8)}")
            .ToList();
        Assert.That(wrong, Is.Empty, string.Join('\n', wrong));
    }
}
