using MimeKit;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>One recipient accepted, one refused with 5xx: one DSN naming only the refused one, with no
/// body and no Subject of the original.</summary>
public class PerRecipientBounceTests
{
    [Test]
    public async Task OneAcceptedOneRefused_OneDsnForTheRefusedOnly()
    {
        await using var sink = new ScriptedSmtpSink
        {
            RcptReply = a => a.StartsWith("bad", StringComparison.Ordinal) ? "550 5.1.1 <" + a + ">: Recipient address rejected: User unknown" : "250 2.1.5 Ok",
        };
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), events: events).StartedAsync();

        SpoolEnvelope envelope = TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "good@dest.test", "bad@dest.test", "bad2@other.test") with
        {
            EnvelopeId = "ENV-123",
        };
        envelope = envelope with { Recipients = [envelope.Recipients[0], envelope.Recipients[1] with { OriginalRecipient = "rfc822;bad@dest.test" }, envelope.Recipients[2]] };
        QueuedMessage q = scheduler.Submit(spool, envelope);

        // The original (to good only) and then the DSN (to the sender, from <>).
        Assert.That(await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(15)), Is.True);
        await Task.Delay(300);
        SinkMessage[] got = sink.Messages.ToArray();
        Assert.That(got, Has.Length.EqualTo(2), "one original transaction plus exactly one DSN");
        SinkMessage original = got.Single(m => m.RcptTo.Contains("good@dest.test"));
        Assert.That(original.RcptTo, Is.EqualTo(new[] { "good@dest.test" }));

        SinkMessage dsnMail = got.Single(m => m.RcptTo.Contains("app@sender.test"));
        Assert.That(dsnMail.MailFrom, Does.StartWith("MAIL FROM:<>"), "DSNs use the null sender");
        Assert.That(dsnMail.Data, Does.Not.Contain(TestMessages.SecretBody));
        Assert.That(dsnMail.Data, Does.Not.Contain(TestMessages.SecretSubject));
        Assert.That(dsnMail.Data, Does.Not.Contain("X-Patient-Id"));

        MimeMessage dsn = MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(dsnMail.Data)));
        var report = (MultipartReport)dsn.Body!;
        Assert.That(report.ReportType, Is.EqualTo("delivery-status"));
        var status = report.OfType<MessageDeliveryStatus>().Single();
        Assert.That(status.StatusGroups[0]["Reporting-MTA"], Is.EqualTo("dns; relay.test"));
        Assert.That(status.StatusGroups[0]["Original-Envelope-Id"], Is.EqualTo("ENV-123"));
        Assert.That(status.StatusGroups[0]["Arrival-Date"], Is.Not.Empty);
        // MimeKit writes a blank line after every group, so parsing yields a trailing empty one.
        var groups = status.StatusGroups.Skip(1).Where(g => g.Count > 0).ToList();
        Assert.That(groups.Select(g => g["Final-Recipient"]), Is.EquivalentTo(new[] { "rfc822; bad@dest.test", "rfc822; bad2@other.test" }),
            "both failures of the attempt in one DSN, and not the delivered recipient");
        var bad = groups.Single(g => g["Final-Recipient"] == "rfc822; bad@dest.test");
        Assert.Multiple(() =>
        {
            Assert.That(bad["Action"], Is.EqualTo("failed"));
            Assert.That(bad["Status"], Is.EqualTo("5.1.1"));
            Assert.That(bad["Original-Recipient"], Is.EqualTo("rfc822;bad@dest.test"));
            Assert.That(bad["Remote-MTA"], Is.EqualTo("dns; 127.0.0.1"));
            Assert.That(bad["Diagnostic-Code"], Does.StartWith("smtp; 550 5.1.1"));
        });
        MimeEntity headersPart = report.Single(p => p.ContentType.IsMimeType("text", "rfc822-headers"));
        string headers = headersPart.ToString();
        Assert.That(headers, Does.Contain("Message-ID: <m1@sender.test>"));
        Assert.That(headers, Does.Not.Contain("Subject").And.Not.Contain("X-Patient-Id"));

        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True, "original and DSN both done");
        var attempt = spool.Attempts.First(a => a.QueueId == q.QueueId);
        Assert.That(attempt.Outcomes.OrderBy(o => o.Index).Select(o => o.State),
            Is.EqualTo(new[] { RecipientState.Delivered, RecipientState.Bounced, RecipientState.Bounced }));
        Assert.That(events.Bounced.Select(e => e.Destination).Distinct(), Is.EqualTo(new[] { $"127.0.0.1:{sink.Port}" }));
    }

    [Test]
    public async Task NullSender_IsNeverBounced()
    {
        await using var sink = new ScriptedSmtpSink { RcptReply = a => "550 5.1.1 no such user" };
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port)).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, string.Empty, "x@dest.test"));
        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count >= 1), Is.True);
        await Task.Delay(300);
        Assert.That(spool.Attempts.Single().Outcomes.Single().State, Is.EqualTo(RecipientState.Bounced));
        Assert.That(spool.Count, Is.Zero, "no DSN was written to the spool");
        Assert.That(sink.Messages, Is.Empty);
        Assert.That(sink.Commands.Any(c => c.StartsWith("MAIL FROM:<>", StringComparison.Ordinal)), Is.True, "null sender used on the wire");
    }

    [TestCase(1, TestName = "NotifyNever_NoDsn")]
    [TestCase(2 | 8, TestName = "NotifyWithoutFailure_NoDsn")]
    public async Task Notify_WithoutFailure_NoDsn(int notify)
    {
        await using var sink = new ScriptedSmtpSink { RcptReply = a => "550 5.1.1 no such user" };
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port)).StartedAsync();
        SpoolEnvelope env = TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "x@dest.test");
        env = env with { Recipients = [env.Recipients[0] with { NotifyFlags = notify }] };
        scheduler.Enqueue(spool.Add(env, TestMessages.Content()));
        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count >= 1), Is.True);
        await Task.Delay(300);
        Assert.That(spool.Count, Is.Zero, "bounced and no DSN written");
        Assert.That(sink.Messages, Is.Empty);
        string rcpt = sink.Commands.Single(c => c.StartsWith("RCPT", StringComparison.Ordinal));
        Assert.That(rcpt, Does.Contain(notify == 1 ? "NOTIFY=NEVER" : "NOTIFY=SUCCESS,DELAY"), "NOTIFY passed through to the next hop");
    }

    [Test]
    public async Task FailuresAtTwoDestinations_OneDsnListingBoth_BadSyntaxToo()
    {
        await using var senderSink = new ScriptedSmtpSink();
        await using var a = new ScriptedSmtpSink { RcptReply = _ => "550 5.7.1 relay denied" };
        await using var b = new ScriptedSmtpSink { RcptReply = _ => "553 5.1.3 bad address" };
        var spool = new InMemorySpool();
        DeliveryOptions options = Harness.RouteAllTo(senderSink.Port);
        options.Routes.InsertRange(0,
        [
            new DeliveryRoute { Domains = ["a.test"], NextHop = $"127.0.0.1:{a.Port}" },
            new DeliveryRoute { Domains = ["b.test"], NextHop = $"127.0.0.1:{b.Port}" },
        ]);
        await using var scheduler = await new DeliveryScheduler(spool, options).StartedAsync();
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "x@a.test", "y@b.test", "no-domain"));

        Assert.That(await senderSink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True);
        await Task.Delay(200);
        SinkMessage dsn = senderSink.Messages.Single();
        Assert.That(dsn.Data, Does.Contain("Final-Recipient: rfc822; x@a.test"));
        Assert.That(dsn.Data, Does.Contain("Final-Recipient: rfc822; y@b.test"));
        Assert.That(dsn.Data, Does.Contain("Final-Recipient: rfc822; no-domain"));
        Assert.That(dsn.Data, Does.Contain("Status: 5.7.1").And.Contain("Status: 5.1.3"));
        Assert.That(a.Connections + b.Connections, Is.EqualTo(2));
    }
}
