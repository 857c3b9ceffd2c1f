using Microsoft.Data.Sqlite;
using SecureRelay.Storage.Sqlite;

namespace SecureRelay.Spool.Sqlite;

public sealed partial class SqliteMessageSpool
{
    internal void Enqueue(SpoolOp op)
    {
        EnsureOpen();
        _loop!.Enqueue(op);
    }

    internal void ThrowIfLowOnDisk()
    {
        if (_lowOnDisk)
        {
            throw new SpoolException("The spool's disk is low on free space.", isOutOfSpace: true);
        }
    }

    internal void LogDiscardFailed(long key, Exception ex) => SpoolLog.DiscardFailed(_logger, QueueIds.Format(key), ex);

    /// <summary>The lower-cased domain of a mailbox (after the last '@'); empty when there is none.</summary>
    internal static string DomainOf(string address)
    {
        int at = address.LastIndexOf('@');
        string domain = at < 0 ? string.Empty : address[(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant();
        return domain.Contains('\n', StringComparison.Ordinal) ? domain.Replace("\n", string.Empty, StringComparison.Ordinal) : domain;
    }

    internal static DateTimeOffset FromMs(long ms) =>
        ms >= MaxMs ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(ms, -62135596800000));

    internal async ValueTask QuarantineAsync(long key, string reason)
    {
        var op = new QuarantineOp(key, reason);
        Enqueue(op);
        await op.Task.ConfigureAwait(false);
        SpoolLog.Quarantined(_logger, QueueIds.Format(key), reason);
    }

    /// <summary>A pooled read connection with a bounded page cache.</summary>
    internal SqliteConnection OpenReader() => SqliteDatabase.Open(_readConnectionString, _readerProfile);

    /// <summary>Opens the row the statement is on (columns as <see cref="RowColumns"/>).</summary>
    /// <exception cref="RecordDamagedException">Unknown key, or envelope/status fail to open.</exception>
    private DecodedRow DecodeRow(RawStatement st)
    {
        long key = st.GetInt64(0);
        long state = st.GetInt64(1);
        long nextMs = st.GetInt64(2);
        long attempts = st.GetInt64(3);
        long contentLength = st.GetInt64(4);
        long chunkCount = st.GetInt64(5);
        uint keyId = (uint)st.GetInt64(6);
        if (state is < 0 or > 2 || chunkCount is < 1 or >= uint.MaxValue || contentLength < 0 || attempts is < 0 or > int.MaxValue)
        {
            throw new RecordDamagedException("queue columns out of range");
        }

        if (!_keys!.TryGet(keyId, out SpoolKey sealKey))
        {
            throw new RecordDamagedException($"key {keyId:x8} is not in the key ring");
        }

        byte[] prefix = st.GetBlob(7).ToArray();
        SpoolEnvelope envelope = RecordSealer.OpenEnvelope(sealKey, prefix, key, contentLength, (uint)chunkCount, st.GetBlob(8));
        RecipientStatus[] statuses = st.IsNull(9)
            ? RecordCodec.FreshStatus(envelope.Recipients.Count)
            : RecordSealer.OpenStatus(_keys, key, st.GetBlob(9), envelope.Recipients.Count);
        var message = new QueuedMessage
        {
            QueueId = QueueIds.Format(key),
            Envelope = envelope,
            State = (QueueState)state,
            NextAttempt = FromMs(nextMs),
            Attempts = (int)attempts,
            ContentLength = contentLength,
            Recipients = statuses,
        };
        return new DecodedRow(key, (uint)chunkCount, contentLength, sealKey, prefix, message);
    }

    private void EnsureOpen()
    {
        int state = Volatile.Read(ref _state);
        if (state == 0)
        {
            throw new InvalidOperationException("Call OpenAsync first.");
        }

        if (state == 2)
        {
            throw new SpoolException("The spool is shut down.");
        }
    }

    private void CheckDisk()
    {
        try
        {
            long free = new DriveInfo(Path.GetFullPath(_options.DataDirectory)).AvailableFreeSpace;
            bool low = free < _options.MinFreeBytes;
            if (low != _lowOnDisk)
            {
                _lowOnDisk = low;
                if (low)
                {
                    SpoolLog.DiskLow(_logger, free, _options.MinFreeBytes);
                }
                else
                {
                    SpoolLog.DiskOk(_logger, free);
                }
            }
        }
        catch (Exception ex)
        {
            // A timer callback must not throw (it would end the process); keep the last verdict.
            SpoolLog.DiskCheckFailed(_logger, ex);
        }
    }
}
