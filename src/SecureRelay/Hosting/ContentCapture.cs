using System.Buffers;

namespace SecureRelay.Hosting;

/// <summary>
/// A bounded copy of message content for the classifier, kept in pooled 64 KiB blocks (no
/// large-object-heap growth, no whole-body reallocation). Past the limit it stops copying and
/// remembers that it was truncated; the classifier counts an over-limit message as PHI (fail closed).
/// </summary>
public sealed class ContentCapture : IDisposable
{
    private const int BlockSize = 64 * 1024;
    private readonly List<byte[]> _blocks = [];
    private readonly long _limit;
    private int _lastFill;

    /// <summary>Creates a capture that keeps at most <paramref name="limit"/> bytes.</summary>
    public ContentCapture(long limit) => _limit = limit;

    /// <summary>Bytes kept.</summary>
    public long Length { get; private set; }

    /// <summary>True when content beyond the limit was dropped.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Appends what fits under the limit.</summary>
    public void Append(ReadOnlySpan<byte> data)
    {
        if (Length + data.Length > _limit)
        {
            Truncated = true;
            data = data[..(int)Math.Max(0, _limit - Length)];
        }

        while (!data.IsEmpty)
        {
            if (_blocks.Count == 0 || _lastFill == BlockSize)
            {
                _blocks.Add(ArrayPool<byte>.Shared.Rent(BlockSize));
                _lastFill = 0;
            }

            var n = Math.Min(data.Length, BlockSize - _lastFill);
            data[..n].CopyTo(_blocks[^1].AsSpan(_lastFill));
            _lastFill += n;
            Length += n;
            data = data[n..];
        }
    }

    /// <summary>A read-only stream over what was kept (valid until <see cref="Dispose"/>).</summary>
    public Stream OpenRead() => new BlockStream(this);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var b in _blocks)
        {
            ArrayPool<byte>.Shared.Return(b);
        }

        _blocks.Clear();
        Length = 0;
    }

    private sealed class BlockStream(ContentCapture owner) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => owner.Length;

        public override long Position
        {
            get => _position;
            set => _position = Math.Clamp(value, 0, owner.Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var total = 0;
            while (!buffer.IsEmpty && _position < owner.Length)
            {
                var block = (int)(_position / BlockSize);
                var within = (int)(_position % BlockSize);
                var available = (int)Math.Min(BlockSize - within, owner.Length - _position);
                var n = Math.Min(available, buffer.Length);
                owner._blocks[block].AsSpan(within, n).CopyTo(buffer);
                buffer = buffer[n..];
                _position += n;
                total += n;
            }

            return total;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => owner.Length + offset,
            };
            return _position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
