using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace SecureRelay.Spool.Sqlite;

public sealed partial class SqliteMessageSpool
{
    /// <inheritdoc />
    public ISpoolWriter CreateWriter(bool resumeOnCompletionThread = false)
    {
        EnsureOpen();
        return new SpoolWriter(this, _keys!.Current, _ids!.NextKey(), resumeOnCompletionThread);
    }

    /// <inheritdoc />
    public async ValueTask<QueuedMessage?> GetAsync(string queueId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (!QueueIds.TryParse(queueId, out long key))
        {
            return null;
        }

        string? damage = null;
        QueuedMessage? result = null;
        using (SqliteConnection conn = OpenReader())
        using (var st = new RawStatement(conn.Handle!, $"SELECT {RowColumns} FROM message m WHERE m.id=?1 AND m.state<3"))
        {
            st.Bind(1, key);
            try
            {
                if (st.Step())
                {
                    result = DecodeRow(st).Message;
                }
            }
            catch (RecordDamagedException ex)
            {
                damage = ex.Reason;
            }
            finally
            {
                st.Reset();
            }
        }

        if (damage is not null)
        {
            await QuarantineAsync(key, damage).ConfigureAwait(false);
        }

        return result;
    }

    /// <inheritdoc />
    public async ValueTask<Stream> OpenContentAsync(string queueId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (!QueueIds.TryParse(queueId, out long key))
        {
            throw new SpoolException($"No message {queueId} in the spool.");
        }

        ContentReader? reader = _readers.Rent();
        SpoolContentStream? stream = null;
        try
        {
            uint keyId, chunkCount;
            long length;
            byte[] prefix;
            RawStatement st = reader.Header;
            st.Bind(1, key);
            try
            {
                if (!st.Step())
                {
                    throw new SpoolException($"No message {queueId} in the spool.");
                }

                keyId = (uint)st.GetInt64(0);
                prefix = st.GetBlob(1).ToArray();
                length = st.GetInt64(2);
                chunkCount = (uint)st.GetInt64(3);
            }
            finally
            {
                st.Reset();
            }

            if (!_keys!.TryGet(keyId, out SpoolKey sealKey))
            {
                _readers.Return(reader);
                reader = null;
                await QuarantineAsync(key, $"key {keyId:x8} is not in the key ring").ConfigureAwait(false);
                throw new SpoolException($"Spool record {queueId} names an unknown key and was quarantined.");
            }

            stream = new SpoolContentStream(this, _readers, reader, sealKey, prefix, key, chunkCount, length);
            await stream.PrimeAsync().ConfigureAwait(false);
            return stream;
        }
        catch
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
            else if (reader is not null)
            {
                _readers.Return(reader);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask<QueuedMessage?> RecordAttemptAsync(string queueId, IReadOnlyList<RecipientOutcome> outcomes, QueueState nextState, DateTimeOffset nextAttempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!Enum.IsDefined(nextState))
        {
            throw new ArgumentOutOfRangeException(nameof(nextState));
        }

        EnsureOpen();
        if (!QueueIds.TryParse(queueId, out long key))
        {
            return null;
        }

        var op = new RecordAttemptOp(key, outcomes, (PersistedState)nextState, nextAttempt.ToUnixTimeMilliseconds());
        Enqueue(op);
        AttemptResult r = await op.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        switch (r.Disposition)
        {
            case AttemptDisposition.NotFound:
            case AttemptDisposition.Removed:
                return null;
            case AttemptDisposition.Quarantined:
                SpoolLog.Quarantined(_logger, queueId, r.Reason ?? "damaged");
                throw new SpoolException($"Spool record {queueId} is damaged and was quarantined.");
        }

        if (!_keys!.TryGet(r.KeyId, out SpoolKey sealKey))
        {
            await QuarantineAsync(key, $"key {r.KeyId:x8} is not in the key ring").ConfigureAwait(false);
            throw new SpoolException($"Spool record {queueId} names an unknown key and was quarantined.");
        }

        SpoolEnvelope envelope;
        try
        {
            envelope = RecordSealer.OpenEnvelope(sealKey, r.NoncePrefix, key, r.ContentLength, r.ChunkCount, r.Envelope);
        }
        catch (RecordDamagedException ex)
        {
            await QuarantineAsync(key, ex.Reason).ConfigureAwait(false);
            throw new SpoolException($"Spool record {queueId} is damaged and was quarantined.");
        }

        return new QueuedMessage
        {
            QueueId = QueueIds.Format(key),
            Envelope = envelope,
            State = (QueueState)r.State,
            NextAttempt = FromMs(r.NextMs),
            Attempts = r.Attempts,
            ContentLength = r.ContentLength,
            Recipients = r.Statuses,
        };
    }

    /// <inheritdoc />
    public ValueTask<bool> HoldAsync(string queueId, CancellationToken cancellationToken) =>
        SetStateAsync(queueId, PersistedState.Held, SpoolFormat.NeverMs, cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> ReleaseAsync(string queueId, CancellationToken cancellationToken) =>
        SetStateAsync(queueId, PersistedState.Active, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), cancellationToken);

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string queueId, CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (!QueueIds.TryParse(queueId, out long key))
        {
            return false;
        }

        var op = new DeleteMessageOp(key);
        Enqueue(op);
        return await op.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask<SpoolCounts> CountAsync(CancellationToken cancellationToken)
    {
        EnsureOpen();
        long active = 0, deferred = 0, held = 0, quarantined = 0;
        using (SqliteConnection conn = OpenReader())
        using (var st = new RawStatement(conn.Handle!, "SELECT state,count(*) FROM message GROUP BY state"))
        {
            try
            {
                while (st.Step())
                {
                    long n = st.GetInt64(1);
                    switch ((PersistedState)st.GetInt64(0))
                    {
                        case PersistedState.Active: active = n; break;
                        case PersistedState.Deferred: deferred = n; break;
                        case PersistedState.Held: held = n; break;
                        case PersistedState.Quarantined: quarantined = n; break;
                    }
                }
            }
            finally
            {
                st.Reset();
            }
        }

        return ValueTask.FromResult(new SpoolCounts(active, deferred, held, quarantined));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<QueuedMessage> EnumerateAsync(SpoolQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        EnsureOpen();
        int limit = query.Limit ?? int.MaxValue;
        if (limit <= 0)
        {
            yield break;
        }

        bool byDue = query.DueBefore is not null && query.RecipientDomain is null;
        string where = "m.state<3";
        if (query.State is not null)
        {
            where += " AND m.state=@state";
        }

        if (query.DueBefore is not null)
        {
            where += " AND m.next_attempt<=@due";
        }

        // Keyset pagination: each page is its own short read, so a slow consumer never holds a
        // read transaction open (that would stall WAL checkpoints).
        string sql = query.RecipientDomain is not null
            ? $"SELECT {RowColumns} FROM pending_domain d JOIN message m ON m.id=d.msg WHERE d.domain=@domain AND d.msg>@last AND {where} ORDER BY d.msg LIMIT @n"
            : byDue
                ? $"SELECT {RowColumns} FROM message m WHERE (m.next_attempt,m.id)>(@lastdue,@last) AND {where} ORDER BY m.next_attempt,m.id LIMIT @n"
                : $"SELECT {RowColumns} FROM message m WHERE m.id>@last AND {where} ORDER BY m.id LIMIT @n";

        using SqliteConnection conn = OpenReader();
        using var st = new RawStatement(conn.Handle!, sql);
        int pState = st.ParameterIndex("@state"), pDue = st.ParameterIndex("@due"), pDomain = st.ParameterIndex("@domain");
        int pLast = st.ParameterIndex("@last"), pLastDue = st.ParameterIndex("@lastdue"), pN = st.ParameterIndex("@n");
        string? domain = query.RecipientDomain?.Trim().ToLowerInvariant();
        long last = 0, lastDue = long.MinValue;
        int yielded = 0;
        var page = new List<QueuedMessage>(256);
        var damaged = new List<(long Key, string Reason)>();
        while (yielded < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int want = Math.Min(256, limit - yielded);
            int rows = 0;
            if (pState > 0) { st.Bind(pState, (long)query.State!.Value); }
            if (pDue > 0) { st.Bind(pDue, query.DueBefore!.Value.ToUnixTimeMilliseconds()); }
            if (pDomain > 0) { st.Bind(pDomain, domain); }
            if (pLastDue > 0) { st.Bind(pLastDue, lastDue); }
            st.Bind(pLast, last).Bind(pN, want);
            try
            {
                while (st.Step())
                {
                    rows++;
                    last = st.GetInt64(0);
                    lastDue = st.GetInt64(2);
                    try
                    {
                        page.Add(DecodeRow(st).Message);
                    }
                    catch (RecordDamagedException ex)
                    {
                        damaged.Add((last, ex.Reason));
                    }
                }
            }
            finally
            {
                st.Reset();
            }

            foreach ((long key, string reason) in damaged)
            {
                await QuarantineAsync(key, reason).ConfigureAwait(false);
            }

            damaged.Clear();
            foreach (QueuedMessage m in page)
            {
                yield return m;
                yielded++;
            }

            page.Clear();
            if (rows < want)
            {
                yield break;
            }
        }
    }

    /// <summary>Completes once every change queued before it is durable.</summary>
    internal Task FlushAsync()
    {
        var op = new BarrierOp();
        Enqueue(op);
        return op.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) == 2)
        {
            return;
        }

        if (_diskTimer is not null)
        {
            await _diskTimer.DisposeAsync().ConfigureAwait(false);
        }

        _readers.Dispose();

        if (_loop is not null)
        {
            await _loop.StopAsync().ConfigureAwait(false);
        }

        _checkpointer?.Stop();
        if (_writer is not null)
        {
            try
            {
                RawStatement.Exec(_writer.Handle!, "PRAGMA wal_checkpoint(TRUNCATE)");
            }
            catch (SqliteStorageException ex)
            {
                // Not fatal: the WAL is replayed at the next open.
                SpoolLog.CheckpointFailed(_logger, ex);
            }
        }

        _session?.Dispose();
        _writer?.Dispose();
        using (var c = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(c);
        }

        _keys?.Dispose();
        SpoolLog.Closed(_logger, Stats.Batches, Stats.Fsyncs, Stats.Operations);
    }

    private async ValueTask<bool> SetStateAsync(string queueId, PersistedState state, long nextMs, CancellationToken cancellationToken)
    {
        EnsureOpen();
        if (!QueueIds.TryParse(queueId, out long key))
        {
            return false;
        }

        var op = new SetStateOp(key, state, nextMs);
        Enqueue(op);
        return await op.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
