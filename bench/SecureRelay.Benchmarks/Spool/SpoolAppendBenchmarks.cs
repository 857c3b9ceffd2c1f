using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using SecureRelay.Spool;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Benchmarks.Spool;

/// <summary>Spool append: content written and committed (fsync, group commit) by 32 concurrent
/// writers, as 32 SMTP sessions would. Reported per message.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, warmupCount: 2, iterationCount: 10, invocationCount: 16)]
public class SpoolAppendBenchmarks
{
    private const int Writers = 32;
    private string _dir = "";
    private SqliteMessageSpool? _spool;
    private byte[] _content = [];

    /// <summary>Content size in bytes.</summary>
    [Params(1024, 10240)]
    public int Size { get; set; }

    /// <summary>Opens a fresh spool in a temporary directory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "securerelay-bench-spool-" + Guid.NewGuid().ToString("N"));
        _spool = new SqliteMessageSpool(new SpoolOptions { DataDirectory = _dir, MinFreeBytes = 0 });
        _spool.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        _content = Payloads.Message(Size);
    }

    /// <summary>Closes and deletes the spool.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _spool?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>32 messages appended concurrently (one group commit or a few).</summary>
    [Benchmark(OperationsPerInvoke = Writers)]
    public Task AppendConcurrently() => Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => AppendOne()));

    private async Task AppendOne()
    {
        await using var writer = _spool!.CreateWriter();
        await writer.WriteAsync(_content, CancellationToken.None).ConfigureAwait(false);
        await writer.CommitAsync(
            new SpoolEnvelope
            {
                ReversePath = "bench@example.com",
                Recipients = [new SpoolRecipient("rcpt@example.net", 0, null)],
                ReceivedAt = DateTimeOffset.UtcNow,
            },
            CancellationToken.None).ConfigureAwait(false);
    }
}
