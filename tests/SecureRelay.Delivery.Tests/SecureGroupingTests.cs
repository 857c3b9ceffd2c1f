using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using SecureRelay.Contracts;
using SecureRelay.Delivery.Audit;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>How recipients of one message share transactions, per-recipient TLS demands, relay-made
/// messages, and the audit file itself.</summary>
public class SecureGroupingTests
{
    private SecureEnvironment _env = null!;

    [SetUp]
    public void SetUp() => _env = new SecureEnvironment();

    [TearDown]
    public void TearDown() => _env.Dispose();

    private static SpoolEnvelope Envelope(string[] recipients, params RecipientDecisionRecord[] decisions) =>
        TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", recipients) with
        {
            Decision = new DecisionRecord { Recipients = decisions },
        };

    [Test]
    public async Task PlainRecipientsShareOneTransaction_EncryptedRecipientGetsItsOwn()
    {
        _env.Pki.IssueSmime("enc@dest.test", _env.CertsDir, _env.PrivateDir);
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), security: _env.Services(smime: true)).StartedAsync();
        SpoolEnvelope envelope = Envelope(["a@dest.test", "enc@dest.test", "b@dest.test"],
            TestMessages.Methods("opportunistic"), TestMessages.Methods("smime,escrow"), TestMessages.Methods("smime,opportunistic"));
        scheduler.Enqueue(spool.Add(envelope, TestMessages.Content()));

        Assert.That(await sink.WaitForMessagesAsync(2, TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True);
        Assert.That(sink.Messages, Has.Count.EqualTo(2));
        SinkMessage plain = sink.Messages.Single(m => m.RcptTo.Count == 2);
        Assert.That(plain.RcptTo, Is.EquivalentTo(new[] { "a@dest.test", "b@dest.test" }));
        Assert.That(plain.Data, Does.Contain(TestMessages.SecretBody));
        SinkMessage encrypted = sink.Messages.Single(m => m.RcptTo.Count == 1);
        Assert.That(encrypted.RcptTo, Is.EqualTo(new[] { "enc@dest.test" }));
        Assert.That(encrypted.Data, Does.Contain("application/pkcs7-mime").And.Not.Contain(TestMessages.SecretBody));
        Assert.That(sink.Connections, Is.EqualTo(1), "both transactions on one connection");

        JsonElement audit = await _env.AuditForAsync("b@dest.test");
        Assert.That(audit.GetProperty("skipped")[0].GetString(),
            Is.EqualTo("smime: no_address_match"));
    }

    [Test]
    public async Task RequireTlsDecision_UnverifiedTls_Deferred4710()
    {
        using X509Certificate2 cert = TestPki.SelfSigned("sink.test");
        await using var sink = new ScriptedSmtpSink { Certificate = cert, AdvertiseRequireTls = true };
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), events: events, security: _env.Services(tls: true)).StartedAsync();
        scheduler.Enqueue(spool.Add(Envelope(["r@dest.test"], TestMessages.Methods("tls,opportunistic") with { RequireTls = true }), TestMessages.Content()));

        Assert.That(await Harness.WaitUntilAsync(() => events.Deferred.Count == 1), Is.True);
        Assert.That(events.Deferred.Single().DsnStatus, Is.EqualTo("4.7.10"));
        Assert.That(events.Deferred.Single().Response, Does.Contain("no authenticated TLS"));
        Assert.That(sink.Messages, Is.Empty);
    }

    [Test]
    public async Task DomainRequiresTls_PlaintextPeer_EncryptedCopyNotSentEither_Escrowed()
    {
        _env.Pki.IssueSmime("r@dest.test", _env.CertsDir, _env.PrivateDir);
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), events: events, security: _env.Services(smime: true, escrow: true)).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, Envelope(["r@dest.test"], TestMessages.Methods("smime,escrow") with { DomainTls = TlsRequirement.Any }));

        // The notice inherits the domain's TLS demand: it waits too, so nothing reaches the plaintext peer.
        Assert.That(await Harness.WaitUntilAsync(() => events.Deferred.Count == 1 && events.Delivered.Count == 1), Is.True);
        Assert.That(events.Delivered.Single().QueueId, Is.EqualTo(q.QueueId));
        Assert.That(events.Delivered.Single().Method, Is.EqualTo("escrow"));
        Assert.That(events.Deferred.Single().Response, Does.Contain("domain requires TLS"));
        Assert.That(sink.Messages, Is.Empty);
        DecisionRecord notice = spool.All().Single(m => m.QueueId != q.QueueId).Envelope.Decision;
        Assert.That((notice.Origin, notice.RelatedQueueId), Is.EqualTo((MessageOrigin.EscrowNotice, q.QueueId)));
        Assert.That(notice.Recipient(0)!.DomainTls, Is.EqualTo(TlsRequirement.Any));
        JsonElement first = await _env.AuditForAsync("r@dest.test", q.QueueId);
        Assert.That(first.GetProperty("skipped")[0].GetString(), Is.EqualTo("smime: domain requires TLS (no STARTTLS)"));
    }

    [Test]
    public async Task NonDeliveryReport_IsMarkedRelayGenerated()
    {
        // The DSN's own delivery is deferred so it stays in the spool for inspection.
        await using var sink = new ScriptedSmtpSink { RcptReply = a => a.StartsWith("app@", StringComparison.Ordinal) ? "450 4.2.0 later" : "550 5.1.1 unknown user" };
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), security: _env.Services()).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "gone@dest.test"));

        Assert.That(await Harness.WaitUntilAsync(() => spool.All().Any(m => m.Envelope.Decision.Origin == MessageOrigin.DeliveryReport && m.Attempts > 0)), Is.True);
        QueuedMessage dsn = spool.All().Single(m => m.Envelope.Decision.Origin == MessageOrigin.DeliveryReport);
        Assert.That(dsn.Envelope.Decision.RelatedQueueId, Is.EqualTo(q.QueueId));
        Assert.That(dsn.Envelope.Decision.Verdict, Is.Null, "a report is never classified");
        Assert.That(dsn.Envelope.Decision.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Opportunistic }));
        List<JsonElement> audit = await _env.WaitForAuditAsync(l => l.Any(r => r.GetProperty("outcome").GetString() == "deferred"));
        Assert.That(audit.Select(r => r.GetProperty("outcome").GetString()), Has.Some.EqualTo("bounced").And.Some.EqualTo("deferred"));
    }

    [Test]
    public async Task JsonLinesAuditLog_ConcurrentWriters_EveryLineIsWholeJson()
    {
        string path = Path.Combine(_env.Root, "a", "audit.jsonl");
        using (var log = new JsonLinesAuditLog(path))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    log.Write(new AuditRecord { Time = DateTimeOffset.UtcNow, QueueId = $"Q{t}-{i}", Recipient = "r@dest.test", Outcome = AuditOutcome.Delivered, Method = "tls", Skipped = ["smime: no valid certificate"] });
                }
            })));

            // Readable while the writer holds it open, and already flushed.
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            Assert.That(reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1600));
        }

        using (var again = new JsonLinesAuditLog(path))
        {
            again.Write(new AuditRecord { Time = DateTimeOffset.UtcNow, QueueId = "Qlast", Recipient = "r@dest.test", Outcome = AuditOutcome.Escrowed });
        }

        string[] lines = File.ReadAllLines(path);
        Assert.That(lines, Has.Length.EqualTo(1601), "appends, never truncates");
        var ids = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("queue_id").GetString()).ToHashSet();
        Assert.That(ids, Has.Count.EqualTo(1601));
        Assert.That(JsonDocument.Parse(lines[^1]).RootElement.GetProperty("outcome").GetString(), Is.EqualTo("escrowed"));
    }
}
