using System.Text;
using SecureRelay.Delivery.Outbound;

namespace SecureRelay.Delivery.Tests.Outbound;

/// <summary>The outbound stream gathers MailKit's 4 KB writes and sends them on flush, when full, and
/// before every read, without reordering a byte.</summary>
public class WriteCoalescingStreamTests
{
    [Test]
    public async Task Small_writes_go_out_as_one_send_on_flush()
    {
        var inner = new RecordingStream();
        using var stream = new WriteCoalescingStream(inner);
        byte[] expected = Pattern(10 * 4096);
        for (int i = 0; i < 10; i++)
        {
            await stream.WriteAsync(expected.AsMemory(i * 4096, 4096));
        }

        Assert.That(inner.Log, Is.Empty, "nothing sent before the flush");
        await stream.FlushAsync();
        Assert.That(inner.Log, Is.EqualTo(new[] { "write 40960", "flush" }));
        Assert.That(inner.Written.ToArray(), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_read_sends_what_is_pending_first()
    {
        // Like a TLS handshake or a pipelined command group: written, never flushed, then an answer awaited.
        var inner = new RecordingStream();
        inner.ToRead.Enqueue(Encoding.ASCII.GetBytes("250 ok\r\n"));
        using var stream = new WriteCoalescingStream(inner);
        await stream.WriteAsync(Encoding.ASCII.GetBytes("MAIL FROM:<a@b.example>\r\n"));
        var answer = new byte[64];
        int n = await stream.ReadAsync(answer);
        Assert.That(inner.Log, Is.EqualTo(new[] { "write 25", "read" }));
        Assert.That(Encoding.ASCII.GetString(answer, 0, n), Is.EqualTo("250 ok\r\n"));
        Assert.That(stream.Pending, Is.Zero);

        // The synchronous paths keep the same order.
        stream.Write(Encoding.ASCII.GetBytes("QUIT\r\n"));
        inner.ToRead.Enqueue(Encoding.ASCII.GetBytes("221 bye\r\n"));
        _ = stream.Read(answer, 0, answer.Length);
        Assert.That(inner.Log.Skip(2), Is.EqualTo(new[] { "write 6", "read" }));
    }

    [Test]
    public async Task A_full_buffer_is_sent_and_a_large_write_passes_straight_through_in_order()
    {
        var inner = new RecordingStream();
        using var stream = new WriteCoalescingStream(inner);
        byte[] small = Pattern(WriteCoalescingStream.Capacity - 100, seed: 1);
        byte[] more = Pattern(4096, seed: 2);
        byte[] large = Pattern(3 * WriteCoalescingStream.Capacity, seed: 3);
        await stream.WriteAsync(small);
        await stream.WriteAsync(more);
        Assert.That(inner.Log, Is.EqualTo(new[] { $"write {small.Length}" }), "full: what was gathered goes, the new write waits");
        await stream.WriteAsync(large);
        await stream.FlushAsync();
        Assert.That(inner.Log, Is.EqualTo(new[] { $"write {small.Length}", "write 4096", $"write {large.Length}", "flush" }));
        Assert.That(inner.Written.ToArray(), Is.EqualTo(small.Concat(more).Concat(large).ToArray()));
    }

    [Test]
    public void Disposing_releases_the_buffer_and_closes_the_connection()
    {
        var inner = new RecordingStream();
        var stream = new WriteCoalescingStream(inner);
        stream.Write(Pattern(10));
        stream.Dispose();
        Assert.That(inner.Disposed, Is.True);
        Assert.That(() => stream.Write(Pattern(1)), Throws.InstanceOf<ObjectDisposedException>());
    }

    private static byte[] Pattern(int length, int seed = 0)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>Records what reaches the connection, in order.</summary>
    private sealed class RecordingStream : Stream
    {
        public List<string> Log { get; } = [];

        public MemoryStream Written { get; } = new();

        public Queue<byte[]> ToRead { get; } = new();

        public bool Disposed { get; private set; }

        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Log.Add($"write {count}");
            Written.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Log.Add($"write {buffer.Length}");
            Written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() => Log.Add("flush");

        public override int Read(byte[] buffer, int offset, int count)
        {
            Log.Add("read");
            byte[] next = ToRead.Dequeue();
            next.CopyTo(buffer, offset);
            return next.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Log.Add("read");
            byte[] next = ToRead.Dequeue();
            next.CopyTo(buffer);
            return ValueTask.FromResult(next.Length);
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
