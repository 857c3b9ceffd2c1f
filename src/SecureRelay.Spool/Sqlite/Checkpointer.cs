using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SecureRelay.Storage.Sqlite;

namespace SecureRelay.Spool.Sqlite;

/// <summary>Copies WAL frames into the database file on its own connection and thread (PASSIVE
/// checkpoints never block the writer), so the commit loop's COMMIT pays only for the WAL append
/// and its fsync, not for checkpoints. The writer keeps a large automatic checkpoint as a backstop
/// in case this falls behind. After a quiet spell it truncates the WAL file (TRUNCATE checkpoint), which
/// is never done under load.</summary>
internal sealed class Checkpointer : SpoolThread
{
    private readonly string _connectionString;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _truncateWhenIdle;
    private readonly ILogger _logger;
    private long _dirtyBatches;

    public Checkpointer(string connectionString, TimeSpan interval, TimeSpan truncateWhenIdle, ILogger logger)
        : base("spool-checkpoint")
    {
        _connectionString = connectionString;
        _interval = interval;
        _truncateWhenIdle = truncateWhenIdle;
        _logger = logger;
    }

    /// <summary>Called by the commit loop after each COMMIT.</summary>
    public void NoteCommit() => Interlocked.Increment(ref _dirtyBatches);

    protected override void Run()
    {
        try
        {
            Loop();
        }
        catch (Exception ex)
        {
            // Never take the process down from here: the writer's automatic checkpoint remains.
            SpoolLog.CheckpointFailed(_logger, ex);
        }
    }

    private void Loop()
    {
        using SqliteConnection conn = SqliteDatabase.Open(_connectionString, SpoolDatabase.Checkpointer);
        using var checkpoint = new RawStatement(conn.Handle!, "PRAGMA wal_checkpoint(PASSIVE)");
        using var truncate = new RawStatement(conn.Handle!, "PRAGMA wal_checkpoint(TRUNCATE)");
        long lastCommit = System.Diagnostics.Stopwatch.GetTimestamp();
        var walInUse = false;
        while (true)
        {
            lock (Gate)
            {
                if (!Stopping)
                {
                    Monitor.Wait(Gate, _interval);
                }

                if (Stopping)
                {
                    return;
                }
            }

            if (Interlocked.Exchange(ref _dirtyBatches, 0) == 0)
            {
                if (walInUse && System.Diagnostics.Stopwatch.GetElapsedTime(lastCommit) >= _truncateWhenIdle)
                {
                    // Quiet: give the WAL's disk space back. Waits (busy timeout) for readers; a commit
                    // arriving meanwhile waits for it, once per quiet spell.
                    walInUse = !TryTruncate(truncate);
                }

                continue;
            }

            lastCommit = System.Diagnostics.Stopwatch.GetTimestamp();
            walInUse = true;
            try
            {
                checkpoint.Execute();
            }
            catch (SqliteStorageException ex)
            {
                // The writer's automatic checkpoint still bounds the WAL; try again next tick.
                SpoolLog.CheckpointFailed(_logger, ex);
            }
        }
    }

    /// <summary>True when the WAL was checkpointed completely and truncated (the statement's first column,
    /// "busy", is 0); false when a reader or writer kept it, or on error: tried again next tick.</summary>
    private bool TryTruncate(RawStatement truncate)
    {
        try
        {
            return truncate.Step() && truncate.GetInt64(0) == 0;
        }
        catch (SqliteStorageException ex)
        {
            SpoolLog.CheckpointFailed(_logger, ex);
            return false;
        }
        finally
        {
            truncate.Reset();
        }
    }
}
