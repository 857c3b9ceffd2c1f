using System.Buffers;
using System.IO.Pipelines;

namespace SecureRelay.Smtp.Session;

/// <summary>A <see cref="Stream"/> over a pipe pair, so <see cref="System.Net.Security.SslStream"/> can run
/// on a Kestrel transport or an in-memory pipe (Kestrel's own <c>DuplexPipeStream</c> does the same).</summary>
internal sealed class DuplexPipeStream : Stream
{
    private readonly PipeReader _input;
    private readonly PipeWriter _output;

    public DuplexPipeStream(PipeReader input, PipeWriter output)
    {
        _input = input;
        _output = output;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken);
            var sequence = result.Buffer;
            if (!sequence.IsEmpty)
            {
                var n = (int)Math.Min(sequence.Length, buffer.Length);
                var slice = sequence.Slice(0, n);
                slice.CopyTo(buffer.Span);
                _input.AdvanceTo(slice.End);
                return n;
            }

            _input.AdvanceTo(sequence.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                return 0;
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var result = await _output.WriteAsync(buffer, cancellationToken);
        if (result.IsCanceled)
        {
            throw new OperationCanceledException("The write was cancelled.");
        }

        if (result.IsCompleted)
        {
            throw new IOException("The connection was closed by the peer.");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken) => await _output.FlushAsync(cancellationToken);

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
