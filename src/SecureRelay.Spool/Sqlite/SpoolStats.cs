namespace SecureRelay.Spool.Sqlite;

/// <summary>Group-commit counters (tests and benchmarks read them).</summary>
internal sealed class SpoolStats
{
    private long _batches;
    private long _operations;
    private long _messageCommits;

    /// <summary>Transactions committed, i.e. WAL fsyncs.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long Operations => Interlocked.Read(ref _operations);

    public long MessageCommits => Interlocked.Read(ref _messageCommits);

    public void AddBatch(int operations, int messageCommits)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _operations, operations);
        Interlocked.Add(ref _messageCommits, messageCommits);
    }
}
