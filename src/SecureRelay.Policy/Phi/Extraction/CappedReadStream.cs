namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>A read-only view of a decompressing stream that charges every byte it yields to the
/// message's <see cref="InflationBudget"/> and checks the time budget, so a bomb stops after the cap,
/// not after it has been inflated.</summary>
internal sealed class CappedReadStream(Stream inner, long compressedLength, InflationBudget inflation, ClassificationBudget budget) : Stream
{
    private long _produced;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _produced;
        set => throw new NotSupportedException();
    }

    /// <summary>Reads the whole stream into nothing, returning the number of bytes it produced.</summary>
    public long Drain()
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }

            return _produced;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        budget.Check();
        var n = inner.Read(buffer);
        _produced += n;
        inflation.Charge(n, _produced, compressedLength);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
