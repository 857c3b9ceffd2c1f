using System.Buffers;
using System.Security.Cryptography;

namespace SecureRelay.Spool.Sqlite;

/// <summary>Receives one message. Plaintext collects in one pooled 64 KiB buffer; each full chunk is
/// sealed into another pooled buffer and handed to the commit loop (it rides along with whatever
/// batch is next, no waiting), so memory per message stays at about two chunks whatever its size.
/// The last chunk goes with the envelope in the commit. A message that is never committed leaves
/// only chunks marked incomplete, which abort (or recovery) removes.</summary>
internal sealed class SpoolWriter : ISpoolWriter
{
    /// <summary>Spilled chunks allowed in flight before the writer waits (bounds memory for
    /// huge messages when the disk is slower than the client).</summary>
    private const int MaxSpillsInFlight = 4;

    private readonly SqliteMessageSpool _spool;
    private readonly SpoolKey _key;
    private readonly long _msgKey;
    private readonly byte[] _prefix = new byte[SpoolFormat.NoncePrefixSize];
    private readonly Queue<Task<bool>> _spills = new();
    private byte[]? _plain;
    private int _fill;
    private uint _chunkIndex;
    private readonly bool _resumeInline;
    private bool _finished;

    public SpoolWriter(SqliteMessageSpool spool, SpoolKey key, long msgKey, bool resumeInline)
    {
        _resumeInline = resumeInline;
        _spool = spool;
        _key = key;
        _msgKey = msgKey;
        RandomNumberGenerator.Fill(_prefix);
        _plain = ArrayPool<byte>.Shared.Rent(SpoolFormat.ChunkSize);
    }

    public long Length { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (!content.IsEmpty)
        {
            if (_fill == SpoolFormat.ChunkSize)
            {
                // Only spill when more data follows, so the final chunk is never empty (except
                // for an empty message) and always travels with the commit.
                await SpillAsync(cancellationToken).ConfigureAwait(false);
            }

            int n = Math.Min(content.Length, SpoolFormat.ChunkSize - _fill);
            content.Span[..n].CopyTo(_plain.AsSpan(_fill));
            _fill += n;
            Length += n;
            content = content[n..];
        }
    }

    public async ValueTask<QueuedMessage> CommitAsync(SpoolEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ObjectDisposedException.ThrowIf(_finished, this);
        if (envelope.Recipients.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(envelope));
        }

        _spool.ThrowIfLowOnDisk();
        while (_spills.Count > 0)
        {
            await AwaitSpillAsync(_spills.Dequeue()).ConfigureAwait(false);
        }

        uint chunkCount = _chunkIndex + 1;
        byte[] chunk = ArrayPool<byte>.Shared.Rent(_fill + SpoolFormat.TagSize);
        byte[]? sealedEnvelope = null;
        try
        {
            RecordSealer.SealChunk(_key, _prefix, _msgKey, _chunkIndex, final: true, _plain.AsSpan(0, _fill), chunk);
            sealedEnvelope = RecordSealer.SealEnvelope(_key, _prefix, _msgKey, Length, chunkCount, envelope, out int envelopeLength);
            // Computed here, on the caller's thread, to keep the single commit thread's work minimal.
            string[] perRecipient = envelope.Recipients.Select(r => SqliteMessageSpool.DomainOf(r.Address)).ToArray();
            string domains = string.Join('\n', perRecipient);
            long now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            long next = envelope.Hold ? SpoolFormat.NeverMs : now;
            var op = new CommitMessageOp(_msgKey, _key.Id, _prefix, Length, chunkCount, envelope.ReceivedAt.ToUnixTimeMilliseconds(), next,
                chunk, _fill + SpoolFormat.TagSize, sealedEnvelope, envelopeLength, domains, perRecipient.Distinct(StringComparer.Ordinal).ToArray(), _chunkIndex > 0,
                (int)(envelope.Hold ? PersistedState.Held : PersistedState.Active), _resumeInline);
            chunk = null!;
            sealedEnvelope = null;
            _finished = true; // from here the op owns the buffers; a failed commit is discarded below
            ReturnPlain();
            try
            {
                _spool.Enqueue(op);
                await op.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SpoolException)
            {
                await DiscardSpillsAsync().ConfigureAwait(false);
                throw;
            }

            return new QueuedMessage
            {
                QueueId = QueueIds.Format(_msgKey),
                Envelope = envelope,
                State = envelope.Hold ? QueueState.Held : QueueState.Active,
                NextAttempt = envelope.Hold ? DateTimeOffset.MaxValue : DateTimeOffset.FromUnixTimeMilliseconds(now),
                Attempts = 0,
                ContentLength = Length,
                Recipients = RecordCodec.FreshStatus(envelope.Recipients.Count),
            };
        }
        finally
        {
            if (chunk is not null)
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            if (sealedEnvelope is not null)
            {
                ArrayPool<byte>.Shared.Return(sealedEnvelope);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished)
        {
            return;
        }

        _finished = true;
        ReturnPlain();
        await DiscardSpillsAsync().ConfigureAwait(false);
    }

    private async ValueTask SpillAsync(CancellationToken cancellationToken)
    {
        if (_chunkIndex >= SpoolFormat.EnvelopeCounter - 1)
        {
            throw new SpoolException("Message too large for the spool format.");
        }

        byte[] chunk = ArrayPool<byte>.Shared.Rent(SpoolFormat.ChunkSize + SpoolFormat.TagSize);
        RecordSealer.SealChunk(_key, _prefix, _msgKey, _chunkIndex, final: false, _plain.AsSpan(0, _fill), chunk);
        var op = new SpillChunkOp(_msgKey, _chunkIndex, chunk, _fill + SpoolFormat.TagSize);
        try
        {
            _spool.Enqueue(op);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(chunk);
            throw;
        }

        _chunkIndex++;
        _fill = 0;
        _spills.Enqueue(op.Task);
        if (_spills.Count > MaxSpillsInFlight)
        {
            await AwaitSpillAsync(_spills.Dequeue()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task AwaitSpillAsync(Task<bool> spill)
    {
        await spill.ConfigureAwait(false);
    }

    private async ValueTask DiscardSpillsAsync()
    {
        if (_chunkIndex == 0)
        {
            return;
        }

        // Let in-flight spills land first so the discard really removes them.
        foreach (Task<bool> t in _spills)
        {
            try
            {
                await t.ConfigureAwait(false);
            }
            catch (SpoolException)
            {
                // That chunk never landed; nothing to discard for it.
            }
        }

        _spills.Clear();
        try
        {
            var op = new DiscardChunksOp(_msgKey);
            _spool.Enqueue(op);
            await op.Task.ConfigureAwait(false);
        }
        catch (SpoolException ex)
        {
            // Recovery removes chunks of messages marked incomplete, so this is not a leak.
            _spool.LogDiscardFailed(_msgKey, ex);
        }
    }

    private void ReturnPlain()
    {
        if (_plain is not null)
        {
            CryptographicOperations.ZeroMemory(_plain.AsSpan(0, _fill));
            ArrayPool<byte>.Shared.Return(_plain);
            _plain = null;
        }
    }
}
