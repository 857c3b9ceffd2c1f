using Microsoft.Extensions.Logging;

namespace SecureRelay.Spool.Sqlite;

/// <summary>The single writer. Producers enqueue ops; one dedicated thread takes everything that
/// queued up while the previous COMMIT's fsync ran and applies it in one transaction, so one fsync
/// makes the whole batch durable (group commit). Nothing else writes the database.</summary>
internal sealed class CommitLoop
{
    private readonly object _gate = new();
    private readonly Queue<SpoolOp> _queue = new();
    private readonly List<SpoolOp> _batch = [];
    private readonly WriteSession _session;
    private readonly SpoolStats _stats;
    private readonly SpoolFaults _faults;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly Action _afterCommit;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private readonly CompletionThread _completion = new();
    private readonly List<SpoolOp> _inline = [];
    private bool _stopping;
    private bool _idle;

    public CommitLoop(WriteSession session, SpoolStats stats, SpoolFaults faults, int maxBatch, Action afterCommit, ILogger logger)
    {
        _afterCommit = afterCommit;
        _session = session;
        _stats = stats;
        _faults = faults;
        _maxBatch = Math.Max(1, maxBatch);
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "spool-commit" };
    }

    public void Start()
    {
        _completion.Start();
        _thread.Start();
    }

    /// <summary>Queues an op. Throws <see cref="SpoolException"/> once shutdown began.</summary>
    public void Enqueue(SpoolOp op)
    {
        lock (_gate)
        {
            if (_stopping)
            {
                throw new SpoolException("The spool is shutting down.");
            }

            _queue.Enqueue(op);
            if (_idle)
            {
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>Stops taking ops, lets the loop commit everything already queued, and waits.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }

#if DEBUG
        _faults.Release();
#endif
        return _stopped.Task;
    }

    private void Run()
    {
        try
        {
            while (true)
            {
                lock (_gate)
                {
                    while (_queue.Count == 0 && !_stopping)
                    {
                        _idle = true;
                        Monitor.Wait(_gate);
                        _idle = false;
                    }

                    if (_queue.Count == 0)
                    {
                        break;
                    }

                    while (_batch.Count < _maxBatch && _queue.TryDequeue(out SpoolOp? op))
                    {
                        _batch.Add(op);
                    }
                }

                RunBatch();
                _batch.Clear();
            }

            _completion.Stop();
            _stopped.TrySetResult();
        }
        catch (Exception ex)
        {
            // A bug in the loop itself: fail everything still queued so no caller waits forever.
            SpoolLog.BatchFailed(_logger, _batch.Count, ex);
            lock (_gate)
            {
                _stopping = true;
                _batch.AddRange(_queue);
                _queue.Clear();
            }

            foreach (SpoolOp op in _batch)
            {
                op.MarkFailed(new SpoolException("The spool's writer stopped.", innerException: ex));
            }

            FinishBatch();
            _completion.Stop();
            _stopped.TrySetException(ex);
        }
    }

    private void RunBatch()
    {
        WriteSession s = _session;
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // A batch of changes that may be lost in a crash (delivery records, spilled chunks)
            // commits without an fsync; any durable op makes it fsync, covering all before it.
            bool fsync = _batch.Exists(static op => op.NeedsFsync);
            if (fsync != s.FsyncOnCommit)
            {
                (fsync ? s.SyncFull : s.SyncNormal).Execute();
                s.FsyncOnCommit = fsync;
            }

            s.Begin.Execute();
        }
        catch (SqliteStorageException ex)
        {
            FailAll(ex.ToSpoolException(), ex);
            return;
        }

        // No savepoint per op (two extra statements per message on the hot path): ops fail only
        // on bugs or bad arguments, so when one does, the whole transaction is rolled back, that op
        // is marked failed, and the rest of the batch is applied again from the start.
        int commits;
        while (true)
        {
            commits = 0;
            int failedAt = -1;
            Exception? failure = null;
            for (int i = 0; i < _batch.Count; i++)
            {
                SpoolOp op = _batch[i];
                if (op.HasFailed)
                {
                    continue;
                }

                try
                {
                    op.Execute(s);
                    if (op.IsMessageCommit)
                    {
                        commits++;
                    }
                }
                catch (Exception ex)
                {
                    if (s.TransactionLost)
                    {
                        // SQLite rolled everything back (I/O error, disk full): the whole batch is lost.
                        SpoolException lost = ex is SqliteStorageException se ? se.ToSpoolException() : new SpoolException("The spool could not store the change.", innerException: ex);
                        FailAll(lost, ex);
                        return;
                    }

                    failedAt = i;
                    failure = ex;
                    break;
                }
            }

            if (failedAt < 0)
            {
                break;
            }

            _batch[failedAt].MarkFailed(failure is SqliteStorageException sse ? sse.ToSpoolException() : failure!);
            _stats.AddReplay();
            try
            {
                s.Rollback.Execute();
                s.Begin.Execute();
            }
            catch (SqliteStorageException ex)
            {
                RollbackQuietly();
                FailAll(ex.ToSpoolException(), ex);
                return;
            }
        }

#if DEBUG
        if (_faults.CrashAfterWriteBeforeFsync)
        {
            // The "process" dies here: the transaction is written but never committed.
            _faults.ParkUntilReleased();
            RollbackQuietly();
            FailAll(new SpoolException("Simulated crash before fsync."), null);
            return;
        }
#endif

        long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            s.Commit.Execute();
        }
        catch (SqliteStorageException ex)
        {
            RollbackQuietly();
            FailAll(ex.ToSpoolException(), ex);
            return;
        }

        _stats.AddTime(t1 - t0, System.Diagnostics.Stopwatch.GetTimestamp() - t1);
        _stats.AddBatch(_batch.Count, commits, s.FsyncOnCommit);
        _afterCommit();
        FinishBatch();
    }

    /// <summary>Resolves the batch's ops: those whose awaiter resumes inline on the completion thread, the
    /// rest here (their awaiters continue on the thread pool).</summary>
    private void FinishBatch()
    {
        foreach (SpoolOp op in _batch)
        {
            if (op.ResumesInline)
            {
                _inline.Add(op);
            }
            else
            {
                op.Finish();
            }
        }

        if (_inline.Count > 0)
        {
            _completion.Complete(_inline);
            _inline.Clear();
        }
    }

    private void FailAll(SpoolException failure, Exception? cause)
    {
        if (cause is not null)
        {
            SpoolLog.BatchFailed(_logger, _batch.Count, cause);
        }

        foreach (SpoolOp op in _batch)
        {
            op.MarkFailed(failure);
        }

        FinishBatch();
    }

    private void RollbackQuietly()
    {
        if (!_session.TransactionLost)
        {
            try
            {
                RawStatement.Exec(_session.Db, "ROLLBACK");
            }
            catch (SqliteStorageException ex)
            {
                SpoolLog.BatchFailed(_logger, _batch.Count, ex);
            }
        }
    }
}
