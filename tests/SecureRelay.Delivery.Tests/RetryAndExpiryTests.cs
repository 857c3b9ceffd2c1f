using MimeKit;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Temporary failures follow the retry schedule on a fake clock; old messages expire with a
/// 4.4.7 bounce.</summary>
public class RetryAndExpiryTests
{
    [Test]
    public async Task SoftFailures_FollowSchedule_ThenDeliverWhenSinkRecovers()
    {
        bool recovered = false;
        await using var sink = new ScriptedSmtpSink { RcptReply = _ => Volatile.Read(ref recovered) ? "250 2.1.5 Ok" : "451 4.3.0 Error: try again later" };
        var spool = new InMemorySpool();
        var time = new ManualTimeProvider(Harness.Start);
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), events: events, timeProvider: time).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(Harness.Start, "app@sender.test", "r@dest.test"));

        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count == 1), Is.True);
        QueuedMessage after1 = spool.Peek(q.QueueId)!;
        Assert.Multiple(() =>
        {
            Assert.That(after1.State, Is.EqualTo(QueueState.Deferred));
            Assert.That(after1.NextAttempt, Is.EqualTo(Harness.Start.AddMinutes(5)), "first retry after 5 minutes");
            Assert.That(after1.Recipients[0].LastResponse, Does.StartWith("451 4.3.0"));
            Assert.That(events.Deferred.Single().DsnStatus, Is.EqualTo("4.3.0"));
        });

        time.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(300);
        Assert.That(spool.Attempts, Has.Count.EqualTo(1), "not retried early");

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count == 2), Is.True);
        Assert.That(spool.Peek(q.QueueId)!.NextAttempt, Is.EqualTo(Harness.Start.AddMinutes(5 + 10)), "then doubling");

        Volatile.Write(ref recovered, true);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True, "delivered once the sink accepts");
        Assert.That(sink.Messages.Single().RcptTo, Is.EqualTo(new[] { "r@dest.test" }));
        Assert.That(spool.Attempts[^1].Outcomes.Single().State, Is.EqualTo(RecipientState.Delivered));
        Assert.That(events.Delivered.Single().Delay, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [Test]
    public async Task Deferred_UntilMaxAge_ThenExpiredWithDsn447()
    {
        await using var sink = new ScriptedSmtpSink { RcptReply = a => a == "r@dest.test" ? "452 4.2.2 Mailbox full" : "250 2.1.5 Ok" };
        var spool = new InMemorySpool();
        var time = new ManualTimeProvider(Harness.Start);
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.RetryIntervals = [TimeSpan.FromMinutes(10)];
        options.MaxQueueAge = TimeSpan.FromMinutes(25);
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, options, events: events, timeProvider: time).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(Harness.Start, "app@sender.test", "r@dest.test"));

        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count == 1), Is.True);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count == 2), Is.True);
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count == 3), Is.True);
        Assert.That(spool.Peek(q.QueueId)!.NextAttempt, Is.EqualTo(Harness.Start.AddMinutes(25)), "the last retry is capped at the expiry time");

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.That(await Harness.WaitUntilAsync(() => sink.Messages.Count == 1), Is.True, "the DSN reached the sender's route");
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True);
        var expiredOutcome = spool.Attempts.Single(a => a.QueueId == q.QueueId && a.Outcomes.Any(o => o.State == RecipientState.Expired));
        Assert.That(expiredOutcome.Outcomes.Single().Response, Does.Contain("452 4.2.2"));
        Assert.That(sink.Connections, Is.GreaterThanOrEqualTo(1));
        Assert.That(events.Expired.Single().DsnStatus, Is.EqualTo("4.4.7"));

        SinkMessage dsnMail = sink.Messages.Single();
        Assert.That(dsnMail.MailFrom, Does.StartWith("MAIL FROM:<>"));
        MimeMessage dsn = MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(dsnMail.Data)));
        var status = ((MultipartReport)dsn.Body!).OfType<MessageDeliveryStatus>().Single();
        var group = status.StatusGroups[1];
        Assert.Multiple(() =>
        {
            Assert.That(group["Action"], Is.EqualTo("failed"));
            Assert.That(group["Status"], Is.EqualTo("4.4.7"));
            Assert.That(group["Final-Recipient"], Is.EqualTo("rfc822; r@dest.test"));
            Assert.That(dsnMail.Data, Does.Not.Contain(TestMessages.SecretBody));
        });
    }

    [Test]
    public async Task AlreadyTooOld_ExpiresWithoutConnecting()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(sink.Port);
        options.Routes = [new DeliveryRoute { Domains = ["dest.test"], NextHop = "127.0.0.1:1" }, .. options.Routes];
        await using var scheduler = await new DeliveryScheduler(spool, options).StartedAsync();
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow.AddDays(-6), "app@sender.test", "r@dest.test"));
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(sink.Messages.Single().RcptTo, Is.EqualTo(new[] { "app@sender.test" }), "only the DSN went out");
        Assert.That(sink.Messages.Single().Data, Does.Contain("Status: 4.4.7"));
    }

    [Test]
    public async Task RequireTls_NeverSentInPlaintext()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port)).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test") with { RequireTls = true });
        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count == 1), Is.True);
        Assert.That(sink.Commands.Any(c => c.StartsWith("MAIL", StringComparison.Ordinal) || c == "DATA"), Is.False, "no transaction without TLS");
        Assert.That(sink.Messages, Is.Empty);
        QueuedMessage after = spool.Peek(q.QueueId)!;
        Assert.That(after.State, Is.EqualTo(QueueState.Deferred));
        Assert.That(after.Recipients[0].LastResponse, Does.Contain("REQUIRETLS"));
    }
}
