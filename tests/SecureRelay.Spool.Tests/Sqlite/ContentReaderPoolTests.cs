using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>Content streams reuse their read connections, keep a bounded number idle, and a reused
/// connection reads other messages correctly.</summary>
public sealed class ContentReaderPoolTests : SpoolTestBase
{
    [Test]
    public async Task Sequential_reads_reuse_one_reader_and_read_each_message_correctly()
    {
        SqliteMessageSpool spool = await OpenAsync();
        var messages = new List<(QueuedMessage Message, byte[] Content)>();
        for (int i = 0; i < 5; i++)
        {
            byte[] content = Content(SpoolFormat.ChunkSize + (i * 1000), seed: i + 10);
            messages.Add((await WriteAsync(spool, content), content));
        }

        foreach ((QueuedMessage m, byte[] content) in messages)
        {
            Assert.That(await ReadAllAsync(spool, m.QueueId), Is.EqualTo(content));
            Assert.That(spool.ContentReaders.IdleCount, Is.EqualTo(1), "the one reader went back to the pool");
        }
    }

    [Test]
    public async Task A_stream_disposed_half_read_returns_a_reader_that_still_works()
    {
        SqliteMessageSpool spool = await OpenAsync();
        byte[] first = Content(3 * SpoolFormat.ChunkSize, seed: 1);
        byte[] second = Content(2 * SpoolFormat.ChunkSize, seed: 2);
        QueuedMessage a = await WriteAsync(spool, first);
        QueuedMessage b = await WriteAsync(spool, second);

        await using (Stream s = await spool.OpenContentAsync(a.QueueId, CancellationToken.None))
        {
            var buffer = new byte[100];
            await s.ReadExactlyAsync(buffer);
            Assert.That(buffer, Is.EqualTo(first[..100]));
        }

        Assert.That(await ReadAllAsync(spool, b.QueueId), Is.EqualTo(second));
    }

    [Test]
    public async Task Many_concurrent_streams_work_and_only_a_bounded_number_stay_open()
    {
        SqliteMessageSpool spool = await OpenAsync();
        byte[] content = Content(10_000, seed: 3);
        QueuedMessage m = await WriteAsync(spool, content);

        var streams = new List<Stream>();
        for (int i = 0; i < 40; i++)
        {
            streams.Add(await spool.OpenContentAsync(m.QueueId, CancellationToken.None));
        }

        foreach (Stream s in streams)
        {
            using var copy = new MemoryStream();
            await s.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(content));
            await s.DisposeAsync();
        }

        Assert.That(spool.ContentReaders.IdleCount, Is.InRange(1, 32));
    }

    [Test]
    public async Task A_deleted_message_returns_its_reader()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage m = await WriteAsync(spool, Content(100));
        await ReadAllAsync(spool, m.QueueId);
        Assert.That(await spool.DeleteAsync(m.QueueId, CancellationToken.None), Is.True);
        int idle = spool.ContentReaders.IdleCount;

        Assert.ThrowsAsync<SpoolException>(async () => await spool.OpenContentAsync(m.QueueId, CancellationToken.None));
        Assert.That(spool.ContentReaders.IdleCount, Is.EqualTo(idle), "the reader that found no row went back");
    }
}
