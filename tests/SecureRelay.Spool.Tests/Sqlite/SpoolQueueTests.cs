using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

public sealed class SpoolQueueTests : SpoolTestBase
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Test]
    public async Task Attempts_update_recipients_and_the_message_goes_when_none_is_pending()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage m = await WriteAsync(spool, Content(2 * SpoolFormat.ChunkSize), Envelope("a@one.example", "b@two.example", "c@two.example"));
        DateTimeOffset retry = DateTimeOffset.UtcNow.AddMinutes(5);

        QueuedMessage? after = await spool.RecordAttemptAsync(m.QueueId,
            [new RecipientOutcome(0, RecipientState.Delivered, "250 2.0.0 ok"), new RecipientOutcome(1, RecipientState.Pending, "451 4.3.0 try later")],
            QueueState.Deferred, retry, None);

        Assert.That(after, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(after!.State, Is.EqualTo(QueueState.Deferred));
            Assert.That(after.Attempts, Is.EqualTo(1));
            Assert.That(after.NextAttempt.ToUnixTimeMilliseconds(), Is.EqualTo(retry.ToUnixTimeMilliseconds()));
            Assert.That(after.Recipients[0], Is.EqualTo(new RecipientStatus(0, RecipientState.Delivered, 1, "250 2.0.0 ok")));
            Assert.That(after.Recipients[1], Is.EqualTo(new RecipientStatus(1, RecipientState.Pending, 1, "451 4.3.0 try later")));
            Assert.That(after.Recipients[2], Is.EqualTo(new RecipientStatus(2, RecipientState.Pending, 0, null)));
            Assert.That(after.Envelope.Recipients, Has.Count.EqualTo(3));
        });

        // Persisted: a fresh read (and a reopen) sees the same state.
        await CloseAsync(spool);
        spool = await OpenAsync();
        QueuedMessage got = (await spool.GetAsync(m.QueueId, None))!;
        Assert.That(got.Recipients, Is.EqualTo(after!.Recipients));
        Assert.That(got.State, Is.EqualTo(QueueState.Deferred));
        Assert.That(await ListAsync(spool, new SpoolQuery { RecipientDomain = "one.example" }), Is.Empty, "one.example has nothing pending");
        Assert.That(await ListAsync(spool, new SpoolQuery { RecipientDomain = "TWO.example" }), Has.Count.EqualTo(1));

        QueuedMessage? last = await spool.RecordAttemptAsync(m.QueueId,
            [new RecipientOutcome(1, RecipientState.Bounced, "550 5.1.1 unknown"), new RecipientOutcome(2, RecipientState.Delivered, "250 ok")],
            QueueState.Active, DateTimeOffset.UtcNow, None);

        Assert.That(last, Is.Null, "removed once every recipient is final");
        Assert.That(await spool.GetAsync(m.QueueId, None), Is.Null);
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM chunk"), Is.Zero, "content space reclaimed");
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM pending_domain"), Is.Zero);
        Assert.That(await spool.RecordAttemptAsync(m.QueueId, [], QueueState.Active, DateTimeOffset.UtcNow, None), Is.Null);
    }

    [Test]
    public async Task A_final_recipient_state_is_not_reopened_and_bad_indexes_are_rejected()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage m = await WriteAsync(spool, Content(10), Envelope("a@one.example", "b@one.example"));
        await spool.RecordAttemptAsync(m.QueueId, [new RecipientOutcome(0, RecipientState.Delivered, "250")], QueueState.Deferred, DateTimeOffset.UtcNow, None);
        QueuedMessage? again = await spool.RecordAttemptAsync(m.QueueId, [new RecipientOutcome(0, RecipientState.Pending, "451")], QueueState.Deferred, DateTimeOffset.UtcNow, None);
        Assert.That(again!.Recipients[0].State, Is.EqualTo(RecipientState.Delivered));
        Assert.That(again.Attempts, Is.EqualTo(2));

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await spool.RecordAttemptAsync(m.QueueId, [new RecipientOutcome(5, RecipientState.Delivered, "250")], QueueState.Active, DateTimeOffset.UtcNow, None));
        Assert.That((await spool.GetAsync(m.QueueId, None))!.Attempts, Is.EqualTo(2), "a rejected attempt changes nothing");
    }

    [Test]
    public async Task A_failing_op_in_a_batch_does_not_disturb_the_others()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage target = await WriteAsync(spool, Content(10), Envelope("a@one.example"));
        Task<QueuedMessage>[] writes = Enumerable.Range(0, 60).Select(i => Task.Run(() => WriteAsync(spool, Content(100, i)))).ToArray();
        Task<QueuedMessage?>[] bad = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
            await spool.RecordAttemptAsync(target.QueueId, [new RecipientOutcome(3, RecipientState.Delivered, "250")], QueueState.Active, DateTimeOffset.UtcNow, None))).ToArray();
        Task<QueuedMessage?>[] good = Enumerable.Range(0, 5).Select(_ => Task.Run(async () =>
            await spool.RecordAttemptAsync(target.QueueId, [new RecipientOutcome(0, RecipientState.Pending, "451")], QueueState.Deferred, DateTimeOffset.UtcNow, None))).ToArray();

        QueuedMessage[] written = await Task.WhenAll(writes);
        await Task.WhenAll(good);
        foreach (Task<QueuedMessage?> t in bad)
        {
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await t);
        }

        QueuedMessage after = (await spool.GetAsync(target.QueueId, None))!;
        Assert.That(after.Attempts, Is.EqualTo(5), "each good attempt applied exactly once, no bad one applied");
        Assert.That(after.Recipients[0].Attempts, Is.EqualTo(5));
        List<QueuedMessage> all = await ListAsync(spool);
        Assert.That(all.Select(m => m.QueueId), Is.SupersetOf(written.Select(w => w.QueueId)));
        Assert.That(all, Has.Count.EqualTo(61));
        Assert.That(spool.Stats.Replays, Is.EqualTo(10), "each failing op rolled its batch back once");
        TestContext.Out.WriteLine($"{spool.Stats.Operations} ops in {spool.Stats.Batches} batches");
    }

    [Test]
    public async Task Hold_release_and_delete()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage m = await WriteAsync(spool, Content(70_000));
        QueuedMessage other = await WriteAsync(spool, Content(10));

        Assert.That(await spool.HoldAsync(m.QueueId, None), Is.True);
        QueuedMessage held = (await spool.GetAsync(m.QueueId, None))!;
        Assert.That(held.State, Is.EqualTo(QueueState.Held));
        Assert.That(await ListAsync(spool, new SpoolQuery { DueBefore = DateTimeOffset.UtcNow.AddYears(100) }), Has.Count.EqualTo(1), "held is never due");
        Assert.That(await spool.CountAsync(None), Is.EqualTo(new SpoolCounts(1, 0, 1, 0)));

        Assert.That(await spool.ReleaseAsync(m.QueueId, None), Is.True);
        QueuedMessage released = (await spool.GetAsync(m.QueueId, None))!;
        Assert.That(released.State, Is.EqualTo(QueueState.Active));
        Assert.That(released.NextAttempt, Is.LessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(1)));

        Assert.That(await spool.DeleteAsync(m.QueueId, None), Is.True);
        Assert.That(await spool.DeleteAsync(m.QueueId, None), Is.False);
        Assert.That(await spool.HoldAsync(m.QueueId, None), Is.False);
        Assert.That(await spool.ReleaseAsync(m.QueueId, None), Is.False);
        Assert.That(await spool.GetAsync(m.QueueId, None), Is.Null);
        Assert.That(Sql(spool.DatabasePath, "SELECT count(*) FROM chunk WHERE msg=$k", ("$k", KeyOf(m.QueueId))), Is.Zero);
        Assert.That((await ListAsync(spool)).Select(x => x.QueueId), Is.EqualTo(new[] { other.QueueId }));
    }

    [Test]
    public async Task Enumerate_filters_by_state_due_domain_and_limit()
    {
        SqliteMessageSpool spool = await OpenAsync();
        DateTimeOffset now = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (int i = 0; i < 30; i++)
        {
            string domain = i % 3 == 0 ? "alpha.example" : "beta.example";
            ids.Add((await WriteAsync(spool, Content(50, i), Envelope($"u{i}@{domain}"))).QueueId);
        }

        // 0..9 deferred into the future, 10..14 deferred into the past, 15..19 held, rest active.
        for (int i = 0; i < 15; i++)
        {
            DateTimeOffset next = i < 10 ? now.AddHours(1 + i) : now.AddMinutes(-i);
            await spool.RecordAttemptAsync(ids[i], [new RecipientOutcome(0, RecipientState.Pending, "451")], QueueState.Deferred, next, None);
        }

        for (int i = 15; i < 20; i++)
        {
            await spool.HoldAsync(ids[i], None);
        }

        List<QueuedMessage> all = await ListAsync(spool);
        Assert.That(all.Select(m => m.QueueId), Is.EqualTo(ids), "all, in arrival order");
        Assert.That(all.Select(m => m.QueueId), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "queue ids sort by arrival");

        Assert.That((await ListAsync(spool, new SpoolQuery { State = QueueState.Deferred })).Select(m => m.QueueId), Is.EqualTo(ids.Take(15)));
        Assert.That((await ListAsync(spool, new SpoolQuery { State = QueueState.Held })).Select(m => m.QueueId), Is.EqualTo(ids.Skip(15).Take(5)));
        Assert.That((await ListAsync(spool, new SpoolQuery { State = QueueState.Active })).Select(m => m.QueueId), Is.EqualTo(ids.Skip(20)));

        List<QueuedMessage> due = await ListAsync(spool, new SpoolQuery { DueBefore = now.AddSeconds(5) });
        Assert.That(due.Select(m => m.QueueId), Is.EquivalentTo(ids.Skip(10).Take(5).Concat(ids.Skip(20))));
        Assert.That(due.Select(m => m.NextAttempt), Is.Ordered, "due order is next-attempt order");
        List<QueuedMessage> dueDeferred = await ListAsync(spool, new SpoolQuery { DueBefore = now.AddSeconds(5), State = QueueState.Deferred });
        Assert.That(dueDeferred.Select(m => m.QueueId), Is.EquivalentTo(ids.Skip(10).Take(5)));

        List<QueuedMessage> alpha = await ListAsync(spool, new SpoolQuery { RecipientDomain = "Alpha.Example" });
        Assert.That(alpha.Select(m => m.QueueId), Is.EqualTo(ids.Where((_, i) => i % 3 == 0)));
        List<QueuedMessage> alphaDue = await ListAsync(spool, new SpoolQuery { RecipientDomain = "alpha.example", DueBefore = now.AddSeconds(5) });
        Assert.That(alphaDue.Select(m => m.QueueId), Is.EqualTo(ids.Where((_, i) => i % 3 == 0 && (i is >= 10 and < 15 || i >= 20))));

        Assert.That(await ListAsync(spool, new SpoolQuery { Limit = 7 }), Has.Count.EqualTo(7));
        Assert.That(await ListAsync(spool, new SpoolQuery { Limit = 0 }), Is.Empty);
        Assert.That(await ListAsync(spool, new SpoolQuery { RecipientDomain = "nobody.example" }), Is.Empty);
        Assert.That(await spool.CountAsync(None), Is.EqualTo(new SpoolCounts(10, 15, 5, 0)));
    }

    [Test]
    public async Task Enumerate_pages_through_more_than_one_page()
    {
        SqliteMessageSpool spool = await OpenAsync();
        QueuedMessage[] written = await Task.WhenAll(Enumerable.Range(0, 700).Select(i => WriteAsync(spool, Content(20, i))));
        List<QueuedMessage> all = await ListAsync(spool);
        Assert.That(all.Select(m => m.QueueId), Is.EquivalentTo(written.Select(w => w.QueueId)));
        Assert.That(all.Select(m => m.QueueId).Distinct().Count(), Is.EqualTo(700));
        Assert.That(await ListAsync(spool, new SpoolQuery { Limit = 300 }), Has.Count.EqualTo(300));
        Assert.That(await ListAsync(spool, new SpoolQuery { DueBefore = DateTimeOffset.UtcNow.AddMinutes(1) }), Has.Count.EqualTo(700));
    }
}
