using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SecureRelay.Spool.Sqlite;

/// <summary>
/// A read connection for message content with its statements prepared once. Opening content is on
/// every delivery's path: a pooled Microsoft.Data.Sqlite connection still re-ran its three PRAGMAs and
/// prepared two statements per message (SQL parsing and allocation were ~2 % of the relay's CPU at
/// 10 KB), so content reads rent one of these from a <see cref="Pool"/> instead.
/// </summary>
internal sealed class ContentReader : IDisposable
{
    private ContentReader(SqliteConnection connection)
    {
        Connection = connection;
        Header = new RawStatement(connection.Handle!, "SELECT key_id,nonce_prefix,content_length,chunk_count FROM message WHERE id=?1 AND state<3");
        Chunk = new RawStatement(connection.Handle!, "SELECT data FROM chunk WHERE msg=?1 AND idx=?2");
        Exists = new RawStatement(connection.Handle!, "SELECT 1 FROM message WHERE id=?1 AND state<3");
    }

    /// <summary>The open connection (query-only).</summary>
    public SqliteConnection Connection { get; }

    /// <summary>A message's key id, nonce prefix, content length and chunk count.</summary>
    public RawStatement Header { get; }

    /// <summary>One sealed chunk.</summary>
    public RawStatement Chunk { get; }

    /// <summary>Whether the message row still exists.</summary>
    public RawStatement Exists { get; }

    /// <summary>True when the message row still exists (told apart from damage when a chunk is missing).</summary>
    public bool MessageExists(long key)
    {
        Exists.Bind(1, key);
        try
        {
            return Exists.Step();
        }
        finally
        {
            Exists.Reset();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Header.Dispose();
        Chunk.Dispose();
        Exists.Dispose();
        Connection.Dispose();
    }

    /// <summary>Idle readers kept for reuse (bounded); a reader is used by one caller at a time.</summary>
    internal sealed class Pool(Func<SqliteConnection> open, int maxIdle) : IDisposable
    {
        private readonly ConcurrentQueue<ContentReader> _idle = new();
        private int _idleCount;
        private volatile bool _disposed;

        /// <summary>Readers waiting to be rented.</summary>
        public int IdleCount => Volatile.Read(ref _idleCount);

        /// <summary>An idle reader, or a new one.</summary>
        public ContentReader Rent()
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryDequeue(out var reader))
            {
                Interlocked.Decrement(ref _idleCount);
                return reader;
            }

            var connection = open();
            try
            {
                return new ContentReader(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>Takes a reader back (its statements reset) or closes it when enough are idle.</summary>
        public void Return(ContentReader reader)
        {
            reader.Header.Reset();
            reader.Chunk.Reset();
            reader.Exists.Reset();
            if (_disposed)
            {
                reader.Dispose();
                return;
            }

            if (Interlocked.Increment(ref _idleCount) > maxIdle)
            {
                Interlocked.Decrement(ref _idleCount);
                reader.Dispose();
                return;
            }

            _idle.Enqueue(reader);
            if (_disposed)
            {
                Dispose(); // disposed meanwhile: close what its drain may have missed
            }
        }

        /// <summary>Closes the idle readers; readers still rented close when returned.</summary>
        public void Dispose()
        {
            _disposed = true;
            while (_idle.TryDequeue(out var reader))
            {
                reader.Dispose();
            }
        }
    }
}
