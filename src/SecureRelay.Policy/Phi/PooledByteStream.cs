using System.Buffers;

namespace SecureRelay.Policy.Phi;

/// <summary>A write-only stream into a pooled buffer: where a MIME part's content is decoded for reading,
/// without a MemoryStream that grows by copying and then copies again into an array (large parts would
/// put each copy on the large object heap).</summary>
internal sealed class PooledByteStream(int capacityHint) : Stream
{
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacityHint, 256));
    private int _length;

    /// <summary>The bytes written so far (valid until disposal).</summary>
    public ReadOnlySpan<byte> Written => Buffer.AsSpan(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledByteStream));

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var current = Buffer;
        if (buffer.Length > current.Length - _length)
        {
            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(2L * current.Length, (long)_length + buffer.Length)));
            current.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(current);
            _buffer = current = grown;
        }

        buffer.CopyTo(current.AsSpan(_length));
        _length += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
