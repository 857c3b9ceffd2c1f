using SecureRelay.Contracts;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Content already queued that the delivery parser rejects bounces at once with 5.6.0 (and a
/// DSN), whether it was to be sent or escrowed, instead of being deferred until it expires.</summary>
public class UnparseableContentTests
{
    private const string Garbage = "this first line is no header field\r\n\r\nbody\r\n";

    [TestCase("opportunistic")]
    [TestCase("escrow")]
    public async Task Unparseable_Bounces5_6_0_WithDsn(string methods)
    {
        using var env = new SecureEnvironment();
        Assert.ThrowsAsync<MessageParseException>(() => DeliveryMessageParser.LoadAsync(new MemoryStream("this first line is no header field\r\n\r\nbody\r\n"u8.ToArray()), CancellationToken.None),
            "the delivery parser rejects this content");
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), events: events, security: env.Services(escrow: true)).StartedAsync();
        SpoolEnvelope envelope = TestMessages.WithMethods(DateTimeOffset.UtcNow, "app@sender.test", methods, "pat@dest.test");
        if (methods == "escrow")
        {
            envelope = envelope with { Decision = envelope.Decision with { Verdict = VerdictClass.Phi } };
        }

        QueuedMessage q = scheduler.Submit(spool, envelope, Garbage);

        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count >= 1, TimeSpan.FromSeconds(15)), Is.True);
        RecipientOutcome outcome = spool.Attempts.Single().Outcomes.Single();
        Assert.That(outcome.State, Is.EqualTo(RecipientState.Bounced), outcome.Response);
        Assert.That(outcome.Response, Does.Contain("could not be parsed"));

        // The report goes to the sender; nothing of the garbage went to the recipient.
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)), Is.True);
        SinkMessage dsn = sink.Messages.Single();
        Assert.That(dsn.MailFrom, Does.StartWith("MAIL FROM:<>"));
        Assert.That(dsn.RcptTo, Is.EqualTo(new[] { "app@sender.test" }));
        Assert.That(dsn.Data, Does.Contain("Status: 5.6.0"));
        Assert.That(env.Escrow!.List(), Is.Empty);
    }
}
