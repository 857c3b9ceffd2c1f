using System.Buffers;

namespace SecureRelay.Delivery.Outbound;

/// <summary>
/// The outbound connection's stream under MailKit. MailKit writes through its own 4 KB buffer, one
/// socket send per 4 KB: ~25 sends (and as many segments for the peer to read) for a 100 KB message.
/// This gathers writes up to <see cref="Capacity"/> and sends them when the writer flushes, when the
/// buffer is full, and before every read. SMTP and TLS are request/response: whoever reads is waiting
/// for an answer to what it wrote, so sending pending bytes first is all a handshake or a pipelined
/// command group needs (TLS handshakes flush nothing themselves; they always read next).
/// </summary>
internal sealed class WriteCoalescingStream : Stream
{
    /// <summary>Bytes gathered before a send.</summary>
    public const int Capacity = 64 * 1024;

    private readonly Stream _inner;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(Capacity);
    private int _count;

    public WriteCoalescingStream(Stream inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public override bool CanRead => _inner.CanRead;

    public override bool CanWrite => _inner.CanWrite;

    public override bool CanSeek => false;

    public override bool CanTimeout => _inner.CanTimeout;

    public override int ReadTimeout
    {
        get => _inner.ReadTimeout;
        set => _inner.ReadTimeout = value;
    }

    public override int WriteTimeout
    {
        get => _inner.WriteTimeout;
        set => _inner.WriteTimeout = value;
    }

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Bytes written and not yet sent.</summary>
    internal int Pending => _count;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        byte[] gathered = Buffer();
        if (_count + buffer.Length > gathered.Length)
        {
            SendPending();
            if (buffer.Length >= gathered.Length)
            {
                _inner.Write(buffer);
                return;
            }
        }

        buffer.CopyTo(gathered.AsSpan(_count));
        _count += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        byte[] gathered = Buffer();
        if (_count + buffer.Length > gathered.Length)
        {
            await SendPendingAsync(cancellationToken).ConfigureAwait(false);
            if (buffer.Length >= gathered.Length)
            {
                await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        buffer.Span.CopyTo(gathered.AsSpan(_count));
        _count += buffer.Length;
    }

    public override void Flush()
    {
        SendPending();
        _inner.Flush();
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await SendPendingAsync(cancellationToken).ConfigureAwait(false);
        await _inner.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        SendPending();
        return _inner.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await SendPendingAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer is { } buffer)
        {
            // Nothing pending is worth a send on a connection being dropped: every exchange that
            // matters was flushed by its writer or by the read of its answer.
            _buffer = null;
            _count = 0;
            ArrayPool<byte>.Shared.Return(buffer);
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private byte[] Buffer() => _buffer ?? throw new ObjectDisposedException(nameof(WriteCoalescingStream));

    private void SendPending()
    {
        if (_count > 0)
        {
            int count = _count;
            _count = 0;
            _inner.Write(Buffer(), 0, count);
        }
    }

    private async ValueTask SendPendingAsync(CancellationToken cancellationToken)
    {
        if (_count > 0)
        {
            int count = _count;
            _count = 0;
            await _inner.WriteAsync(Buffer().AsMemory(0, count), cancellationToken).ConfigureAwait(false);
        }
    }
}
