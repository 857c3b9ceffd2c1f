using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace SecureRelay.Spool.Sqlite;

/// <summary>Decrypted content, read one sealed chunk at a time. Each chunk is fetched by its own
/// short statement, so a slow delivery never pins a read transaction (which would stop WAL
/// checkpoints). Damage (bad tag, missing or extra chunk, wrong length) quarantines the record and
/// throws <see cref="SpoolException"/>.</summary>
internal sealed class SpoolContentStream : Stream
{
    private readonly SqliteMessageSpool _spool;
    private readonly ContentReader.Pool _pool;
    private readonly ContentReader _reader;
    private readonly SpoolKey _key;
    private readonly byte[] _prefix;
    private readonly long _msgKey;
    private readonly uint _chunkCount;
    private readonly long _length;
    private byte[]? _plain;
    private int _offset;
    private int _available;
    private uint _nextChunk;
    private int _loadedLength; // plain length of chunk _nextChunk - 1 when one is loaded
    private long _position;

    public SpoolContentStream(SqliteMessageSpool spool, ContentReader.Pool pool, ContentReader reader, SpoolKey key, byte[] prefix, long msgKey, uint chunkCount, long length)
    {
        _spool = spool;
        _pool = pool;
        _reader = reader;
        _key = key;
        _prefix = prefix;
        _msgKey = msgKey;
        _chunkCount = chunkCount;
        _length = length;
        _plain = ArrayPool<byte>.Shared.Rent(SpoolFormat.ChunkSize);
    }

    public override bool CanRead => true;
    /// <summary>Seekable, so that MimeKit can parse in place (persistent) and read each part back
    /// when sending instead of copying the whole body into memory first. A seek inside the loaded
    /// chunk is free; one to another chunk reads and authenticates that chunk again.</summary>
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <summary>Reads the first chunk now so that damage surfaces from OpenContentAsync.</summary>
    public async ValueTask PrimeAsync()
    {
        if (!TryFill(out _, out string? damage))
        {
            await DamagedAsync(damage!).ConfigureAwait(false);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_plain is null, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_available == 0)
        {
            if (!TryFill(out bool end, out string? damage))
            {
                DamagedAsync(damage!).AsTask().GetAwaiter().GetResult();
            }

            if (end)
            {
                return 0;
            }
        }

        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_plain is null, this);
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_available == 0)
        {
            if (!TryFill(out bool end, out string? damage))
            {
                await DamagedAsync(damage!).ConfigureAwait(false);
            }

            if (end)
            {
                return 0;
            }
        }

        return Take(buffer.Span);
    }

    private int Take(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, _available);
        _plain.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        _available -= n;
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Loads and opens the next chunk. Returns false with a reason when the record is
    /// damaged; <paramref name="end"/> is true once all content was read.</summary>
    private bool TryFill(out bool end, out string? damage)
    {
        end = false;
        damage = null;
        while (_available == 0)
        {
            if (_nextChunk == _chunkCount)
            {
                if (_position != _length)
                {
                    damage = $"content length {_position} differs from the recorded {_length}";
                    return false;
                }

                end = true;
                return true;
            }

            uint index = _nextChunk;
            bool final = index == _chunkCount - 1;
            _reader.Chunk.Bind(1, _msgKey).Bind(2, index);
            try
            {
                if (!_reader.Chunk.Step())
                {
                    if (!_reader.MessageExists(_msgKey))
                    {
                        throw new SpoolException("The message was removed while it was being read.");
                    }

                    damage = $"chunk {index} of {_chunkCount} is missing";
                    return false;
                }

                ReadOnlySpan<byte> sealedChunk = _reader.Chunk.GetBlob(0);
                int plainLength = sealedChunk.Length - SpoolFormat.TagSize;
                if (plainLength < 0 || plainLength > SpoolFormat.ChunkSize || (!final && plainLength != SpoolFormat.ChunkSize))
                {
                    damage = $"chunk {index} has a bad length";
                    return false;
                }

                if (!RecordSealer.TryOpenChunk(_key, _prefix, _msgKey, index, final, sealedChunk, _plain))
                {
                    damage = $"chunk {index} failed authentication";
                    return false;
                }

                _offset = 0;
                _available = plainLength;
                _loadedLength = plainLength;
                _nextChunk++;
            }
            finally
            {
                _reader.Chunk.Reset();
            }
        }

        return true;
    }

    private async ValueTask DamagedAsync(string reason)
    {
        await _spool.QuarantineAsync(_msgKey, reason).ConfigureAwait(false);
        throw new SpoolException($"Spool record {QueueIds.Format(_msgKey)} is damaged and was quarantined.");
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_plain is null, this);
        long target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0 || target > _length)
        {
            throw new IOException($"Cannot seek to {target}: the content is {_length} bytes.");
        }

        long chunk = target / SpoolFormat.ChunkSize;
        long loaded = (long)_nextChunk - 1;
        if (loaded >= 0 && _loadedLength > 0 && chunk == loaded)
        {
            // Inside the chunk already decrypted.
            _offset = (int)(target - (chunk * SpoolFormat.ChunkSize));
            _available = _loadedLength - _offset;
            _position = target;
            return target;
        }

        if (chunk >= _chunkCount)
        {
            // The end of content that fills its last chunk exactly: nothing left to read.
            _nextChunk = _chunkCount;
            _offset = _available = _loadedLength = 0;
            _position = target;
            return target;
        }

        _nextChunk = (uint)chunk;
        _offset = _available = _loadedLength = 0;
        _position = chunk * SpoolFormat.ChunkSize;
        if (!TryFill(out _, out string? damage))
        {
            DamagedAsync(damage!).AsTask().GetAwaiter().GetResult();
        }

        int within = (int)(target - _position);
        _offset = within;
        _available -= within;
        _position = target;
        return target;
    }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _plain is not null)
        {
            CryptographicOperations.ZeroMemory(_plain);
            ArrayPool<byte>.Shared.Return(_plain);
            _plain = null;
            _pool.Return(_reader);
        }

        base.Dispose(disposing);
    }
}
