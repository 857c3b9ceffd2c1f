using Microsoft.Data.Sqlite;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>A fresh data directory per test plus helpers to write, read and tamper with records.</summary>
public abstract class SpoolTestBase
{
    private readonly List<SqliteMessageSpool> _open = [];
    private TempDirectory? _root;

    protected string Root => _root!.Path;

    protected string DataDir => Path.Combine(Root, "data");

    [SetUp]
    public void CreateRoot() => _root = new TempDirectory("spooltest-");

    [TearDown]
    public async Task DeleteRoot()
    {
        foreach (SqliteMessageSpool s in _open)
        {
            await s.DisposeAsync();
        }

        _open.Clear();
        SqliteConnection.ClearAllPools();
        _root?.Dispose();
    }

    protected async Task<SqliteMessageSpool> OpenAsync(string? dataDir = null, Func<SpoolOptions, SpoolOptions>? configure = null)
    {
        var options = new SpoolOptions { DataDirectory = dataDir ?? DataDir, MinFreeBytes = 0 };
        if (configure is not null)
        {
            options = configure(options);
        }

        var spool = new SqliteMessageSpool(options);
        _open.Add(spool);
        LastReport = await spool.OpenAsync(CancellationToken.None);
        return spool;
    }

    protected SpoolRecoveryReport? LastReport { get; private set; }

    /// <summary>Commits up to <paramref name="count"/> messages (<paramref name="body"/>, a fresh <paramref name="envelope"/> each)
    /// from <paramref name="writers"/> concurrent writers, stopping early once <paramref name="budget"/> has passed;
    /// returns how many were committed.</summary>
    protected static async Task<int> FillAsync(SqliteMessageSpool spool, int count, int writers, byte[] body, Func<SpoolEnvelope> envelope, TimeSpan? budget = null)
    {
        int next = 0, done = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= count && (budget is null || sw.Elapsed < budget))
            {
                await using ISpoolWriter w = spool.CreateWriter();
                await w.WriteAsync(body, CancellationToken.None);
                await w.CommitAsync(envelope(), CancellationToken.None);
                Interlocked.Increment(ref done);
            }
        })));
        return done;
    }

    /// <summary>Disposes a spool early (and forgets it for teardown).</summary>
    protected async Task CloseAsync(SqliteMessageSpool spool)
    {
        _open.Remove(spool);
        await spool.DisposeAsync();
    }

    protected static SpoolEnvelope Envelope(params string[] recipients) => new()
    {
        ReversePath = "sender@clinic.example",
        Recipients = recipients.Select(r => new SpoolRecipient(r, 0, null)).ToArray(),
        ReceivedAt = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero),
    };

    protected static byte[] Content(int size, int seed = 1)
    {
        var data = new byte[size];
        new Random(seed).NextBytes(data);
        return data;
    }

    protected static async Task<QueuedMessage> WriteAsync(IMessageSpool spool, byte[] content, SpoolEnvelope? envelope = null, int pieces = 3)
    {
        await using ISpoolWriter writer = spool.CreateWriter();
        int step = Math.Max(1, content.Length / pieces);
        for (int off = 0; off < content.Length; off += step)
        {
            await writer.WriteAsync(content.AsMemory(off, Math.Min(step, content.Length - off)), CancellationToken.None);
        }

        return await writer.CommitAsync(envelope ?? Envelope("a@one.example"), CancellationToken.None);
    }

    protected static async Task<byte[]> ReadAllAsync(IMessageSpool spool, string queueId)
    {
        await using Stream s = await spool.OpenContentAsync(queueId, CancellationToken.None);
        using var ms = new MemoryStream();
        await s.CopyToAsync(ms);
        return ms.ToArray();
    }

    protected static async Task<List<QueuedMessage>> ListAsync(IMessageSpool spool, SpoolQuery? query = null)
    {
        var list = new List<QueuedMessage>();
        await foreach (QueuedMessage m in spool.EnumerateAsync(query ?? new SpoolQuery(), CancellationToken.None))
        {
            list.Add(m);
        }

        return list;
    }

    /// <summary>Runs SQL against a spool database from outside (as damage or an attacker would).</summary>
    protected static long Sql(string dbPath, string sql, params (string Name, object Value)[] args)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
        conn.Open();
        using SqliteCommand cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach ((string name, object value) in args)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        object? result = cmd.ExecuteScalar();
        return result is long l ? l : 0;
    }

    /// <summary>Flips one byte of a stored blob column.</summary>
    protected static void FlipByte(string dbPath, string table, string column, string where, long key, int position)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
        conn.Open();
        using SqliteCommand read = conn.CreateCommand();
        read.CommandText = $"SELECT {column} FROM {table} WHERE {where}";
        read.Parameters.AddWithValue("$k", key);
        var blob = (byte[])read.ExecuteScalar()!;
        blob[Math.Min(position, blob.Length - 1)] ^= 0x40;
        using SqliteCommand write = conn.CreateCommand();
        write.CommandText = $"UPDATE {table} SET {column}=$b WHERE {where}";
        write.Parameters.AddWithValue("$k", key);
        write.Parameters.AddWithValue("$b", blob);
        Assert.That(write.ExecuteNonQuery(), Is.EqualTo(1));
    }

    protected static long KeyOf(string queueId)
    {
        Assert.That(QueueIds.TryParse(queueId, out long key), Is.True);
        return key;
    }

    /// <summary>Copies the database and WAL (not the shm, rebuilt at open) and the keys, as the disk
    /// would look if the process died now.</summary>
    protected static void CopyAsCrashed(string fromDataDir, string toDataDir)
    {
        Directory.CreateDirectory(toDataDir);
        foreach (string f in new[] { "spool.db", "spool.db-wal" })
        {
            string src = Path.Combine(fromDataDir, f);
            if (File.Exists(src))
            {
                using var input = new FileStream(src, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var output = File.Create(Path.Combine(toDataDir, f));
                input.CopyTo(output);
            }
        }

        Directory.CreateDirectory(Path.Combine(toDataDir, "keys"));
        foreach (string k in Directory.GetFiles(Path.Combine(fromDataDir, "keys")))
        {
            File.Copy(k, Path.Combine(toDataDir, "keys", Path.GetFileName(k)));
        }
    }
}
