using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

/// <summary>Content streams seek (MimeKit parses them in place and reads parts back when sending).</summary>
public sealed class ContentSeekTests : SpoolTestBase
{
    [TestCase(0)]
    [TestCase(10)]
    [TestCase(SpoolFormat.ChunkSize)]
    [TestCase((3 * SpoolFormat.ChunkSize) + 17)]
    public async Task Random_seeks_read_the_same_bytes_as_the_content(int size)
    {
        SqliteMessageSpool spool = await OpenAsync();
        byte[] content = Content(size, seed: size + 1);
        QueuedMessage m = await WriteAsync(spool, content);
        await using Stream s = await spool.OpenContentAsync(m.QueueId, CancellationToken.None);
        Assert.That(s.CanSeek, Is.True);
        Assert.That(s.Length, Is.EqualTo(size));

        var random = new Random(size);
        var buffer = new byte[5000];
        for (int i = 0; i < 60; i++)
        {
            long at = i == 0 ? size : random.NextInt64(0, size + 1); // once exactly at the end
            Assert.That(s.Seek(at, SeekOrigin.Begin), Is.EqualTo(at));
            int want = (int)Math.Min(buffer.Length, size - at);
            int got = await s.ReadAtLeastAsync(buffer.AsMemory(0, want), want, throwOnEndOfStream: false);
            Assert.That(got, Is.EqualTo(want), $"read at {at}");
            Assert.That(buffer.AsSpan(0, got).SequenceEqual(content.AsSpan((int)at, got)), Is.True, $"bytes at {at}");
            Assert.That(s.Position, Is.EqualTo(at + got));
        }

        s.Position = 0;
        using var all = new MemoryStream();
        await s.CopyToAsync(all);
        Assert.That(all.ToArray(), Is.EqualTo(content), "a full read after seeking");
    }

    [Test]
    public async Task Seeking_outside_the_content_is_refused()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage m = await WriteAsync(spool, Content(100));
        await using Stream s = await spool.OpenContentAsync(m.QueueId, CancellationToken.None);
        Assert.Throws<IOException>(() => s.Seek(101, SeekOrigin.Begin));
        Assert.Throws<IOException>(() => s.Seek(-1, SeekOrigin.Begin));
        Assert.That(s.Seek(-10, SeekOrigin.End), Is.EqualTo(90));
    }
}
