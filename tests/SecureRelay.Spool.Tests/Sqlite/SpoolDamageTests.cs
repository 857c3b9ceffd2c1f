using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

public sealed class SpoolDamageTests : SpoolTestBase
{
    [Test]
    public async Task Flipped_byte_in_a_chunk_quarantines_on_read_and_others_stay_readable()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage good = await WriteAsync(spool, Content(3000, 1));
        QueuedMessage bad = await WriteAsync(spool, Content(3000, 2));
        FlipByte(spool.DatabasePath, "chunk", "data", "msg=$k", KeyOf(bad.QueueId), 100);

        SpoolException? ex = Assert.ThrowsAsync<SpoolException>(async () => await ReadAllAsync(spool, bad.QueueId));
        Assert.That(ex!.Message, Does.Contain(bad.QueueId));
        Assert.That(await ReadAllAsync(spool, good.QueueId), Is.EqualTo(Content(3000, 1)));
        Assert.That(await spool.GetAsync(bad.QueueId, CancellationToken.None), Is.Null, "quarantined records leave the queue");
        Assert.That((await spool.CountAsync(CancellationToken.None)).Quarantined, Is.EqualTo(1));
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM chunk WHERE msg=$k", ("$k", KeyOf(bad.QueueId))), Is.EqualTo(1), "never deleted");
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM quarantine"), Is.EqualTo(1));
    }

    [Test]
    public async Task Damage_in_a_later_chunk_fails_the_read_midway()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage bad = await WriteAsync(spool, Content(3 * SpoolFormat.ChunkSize));
        Sql(spool.DatabasePath, "UPDATE chunk SET data = (SELECT data FROM chunk WHERE msg=$k AND idx=0) WHERE msg=$k AND idx=1", ("$k", KeyOf(bad.QueueId)));

        await using Stream s = await spool.OpenContentAsync(bad.QueueId, CancellationToken.None);
        Assert.ThrowsAsync<SpoolException>(async () => await s.CopyToAsync(Stream.Null));
        Assert.That((await spool.CountAsync(CancellationToken.None)).Quarantined, Is.EqualTo(1));
    }

    [Test]
    public async Task Damaged_envelope_is_quarantined_at_open_and_reported()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage good = await WriteAsync(spool, Content(100, 1));
        QueuedMessage bad = await WriteAsync(spool, Content(100, 2));
        await CloseAsync(spool);
        FlipByte(Path.Combine(DataDir, "spool.db"), "message", "envelope", "id=$k", KeyOf(bad.QueueId), 20);

        spool = await OpenAsync();
        Assert.That(LastReport!.Quarantined, Is.EqualTo(new[] { bad.QueueId }));
        Assert.That(LastReport.Messages, Is.EqualTo(1));
        Assert.That((await ListAsync(spool)).Select(m => m.QueueId), Is.EqualTo(new[] { good.QueueId }));
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM message"), Is.EqualTo(2), "the damaged row is kept");
    }

    [Test]
    public async Task Tampered_clear_length_column_is_detected()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage bad = await WriteAsync(spool, Content(1000));
        await CloseAsync(spool);
        Sql(Path.Combine(DataDir, "spool.db"), "UPDATE message SET content_length=999 WHERE id=$k", ("$k", KeyOf(bad.QueueId)));

        await OpenAsync();
        Assert.That(LastReport!.Quarantined, Is.EqualTo(new[] { bad.QueueId }));
    }

    [Test]
    public async Task Missing_chunk_is_quarantined_at_open()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage good = await WriteAsync(spool, Content(3 * SpoolFormat.ChunkSize, 1));
        QueuedMessage bad = await WriteAsync(spool, Content(3 * SpoolFormat.ChunkSize, 2));
        await CloseAsync(spool);
        Sql(Path.Combine(DataDir, "spool.db"), "DELETE FROM chunk WHERE msg=$k AND idx=1", ("$k", KeyOf(bad.QueueId)));

        spool = await OpenAsync();
        Assert.That(LastReport!.Quarantined, Is.EqualTo(new[] { bad.QueueId }));
        Assert.That(await ReadAllAsync(spool, good.QueueId), Is.EqualTo(Content(3 * SpoolFormat.ChunkSize, 1)));
    }

    [Test]
    public async Task Verify_content_on_open_finds_a_flipped_chunk_byte()
    {
        SqliteMessageSpool spool = await OpenAsync();
        await WriteAsync(spool, Content(70_000, 1));
        QueuedMessage bad = await WriteAsync(spool, Content(70_000, 2));
        await CloseAsync(spool);
        FlipByte(Path.Combine(DataDir, "spool.db"), "chunk", "data", "msg=$k AND idx=1", KeyOf(bad.QueueId), 3);

        await OpenAsync(configure: o => o with { VerifyContentOnOpen = true });
        Assert.That(LastReport!.Quarantined, Is.EqualTo(new[] { bad.QueueId }));
        Assert.That(LastReport.Messages, Is.EqualTo(1));
    }

    [Test]
    public async Task Rotated_key_still_reads_old_records_and_a_missing_key_quarantines()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage old = await WriteAsync(spool, Content(500, 1));
        await CloseAsync(spool);
        string keyFile = Path.Combine(DataDir, "keys", "spool.key");
        string retired = SpoolKeyStore.Rotate(keyFile);
        Assert.That(File.ReadAllBytes(keyFile), Is.Not.EqualTo(File.ReadAllBytes(retired)));

        spool = await OpenAsync();
        Assert.That(LastReport!.Quarantined, Is.Empty);
        Assert.That(await ReadAllAsync(spool, old.QueueId), Is.EqualTo(Content(500, 1)));
        QueuedMessage fresh = await WriteAsync(spool, Content(500, 2));
        await CloseAsync(spool);

        File.Delete(retired);
        spool = await OpenAsync();
        Assert.That(LastReport!.Quarantined, Is.EqualTo(new[] { old.QueueId }));
        Assert.That(await ReadAllAsync(spool, fresh.QueueId), Is.EqualTo(Content(500, 2)));
    }

    [Test]
    public async Task Damaged_recipient_status_is_quarantined_at_open()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage m = await WriteAsync(spool, Content(10), Envelope("a@x.example", "b@y.example"));
        await spool.RecordAttemptAsync(m.QueueId, [new RecipientOutcome(0, RecipientState.Delivered, "250 ok")], QueueState.Deferred, DateTimeOffset.UtcNow, CancellationToken.None);
        await CloseAsync(spool);
        FlipByte(Path.Combine(DataDir, "spool.db"), "message", "status", "id=$k", KeyOf(m.QueueId), 40);

        spool = await OpenAsync();
        Assert.That(LastReport!.Quarantined, Is.EqualTo(new[] { m.QueueId }));
    }
}
