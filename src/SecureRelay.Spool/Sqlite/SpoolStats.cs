namespace SecureRelay.Spool.Sqlite;

/// <summary>Group-commit counters (tests and benchmarks read them).</summary>
internal sealed class SpoolStats
{
    private long _batches;
    private long _operations;
    private long _messageCommits;

    private long _fsyncs;

    /// <summary>Transactions committed.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Commits that fsynced the WAL (batches holding at least one durable op).</summary>
    public long Fsyncs => Interlocked.Read(ref _fsyncs);

    public long Operations => Interlocked.Read(ref _operations);

    public long MessageCommits => Interlocked.Read(ref _messageCommits);

    private long _executeTicks;
    private long _commitTicks;

    /// <summary>Stopwatch ticks the loop spent applying ops (inside transactions).</summary>
    public long ExecuteTicks => Interlocked.Read(ref _executeTicks);

    /// <summary>Stopwatch ticks the loop spent in COMMIT (WAL write + fsync + checkpoints).</summary>
    public long CommitTicks => Interlocked.Read(ref _commitTicks);

    public void AddTime(long executeTicks, long commitTicks)
    {
        Interlocked.Add(ref _executeTicks, executeTicks);
        Interlocked.Add(ref _commitTicks, commitTicks);
    }

    private long _replays;

    /// <summary>Times a batch was rolled back and re-applied because one of its ops failed.</summary>
    public long Replays => Interlocked.Read(ref _replays);

    public void AddReplay() => Interlocked.Increment(ref _replays);

    public void AddBatch(int operations, int messageCommits, bool fsynced)
    {
        Interlocked.Increment(ref _batches);
        if (fsynced)
        {
            Interlocked.Increment(ref _fsyncs);
        }

        Interlocked.Add(ref _operations, operations);
        Interlocked.Add(ref _messageCommits, messageCommits);
    }
}
