using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Spool.Sqlite;

/// <summary>Copies WAL frames into the database file on its own connection and thread (PASSIVE
/// checkpoints never block the writer), so the commit loop's COMMIT pays only for the WAL append
/// and its fsync, not for checkpoints. The writer keeps a large automatic checkpoint as a backstop
/// in case this falls behind.</summary>
internal sealed class Checkpointer
{
    private readonly string _connectionString;
    private readonly TimeSpan _interval;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly Thread _thread;
    private long _dirtyBatches;
    private bool _stopping;

    public Checkpointer(string connectionString, TimeSpan interval, ILogger logger)
    {
        _connectionString = connectionString;
        _interval = interval;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "spool-checkpoint" };
    }

    /// <summary>Checkpoints run.</summary>
    public long Checkpoints { get; private set; }

    public void Start() => _thread.Start();

    /// <summary>Called by the commit loop after each COMMIT.</summary>
    public void NoteCommit() => Interlocked.Increment(ref _dirtyBatches);

    public void Stop()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.Pulse(_gate);
        }

        _thread.Join();
    }

    private void Run()
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
        using var conn = new SqliteConnection(_connectionString);
        conn.Open();
        RawStatement.Exec(conn.Handle!, "PRAGMA busy_timeout=1000;PRAGMA synchronous=FULL;");
        using var checkpoint = new RawStatement(conn.Handle!, "PRAGMA wal_checkpoint(PASSIVE)");
        while (true)
        {
            lock (_gate)
            {
                if (!_stopping)
                {
                    Monitor.Wait(_gate, _interval);
                }

                if (_stopping)
                {
                    return;
                }
            }

            if (Interlocked.Exchange(ref _dirtyBatches, 0) == 0)
            {
                continue;
            }

            try
            {
                checkpoint.Execute();
                Checkpoints++;
            }
            catch (SqliteStorageException ex)
            {
                // The writer's automatic checkpoint still bounds the WAL; try again next tick.
                SpoolLog.CheckpointFailed(_logger, ex);
            }
        }
    }
}
