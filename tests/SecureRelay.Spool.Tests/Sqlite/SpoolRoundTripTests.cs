using SecureRelay.Contracts;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool.Tests.Sqlite;

public sealed class SpoolRoundTripTests : SpoolTestBase
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(SpoolFormat.ChunkSize - 1)]
    [TestCase(SpoolFormat.ChunkSize)]
    [TestCase(SpoolFormat.ChunkSize + 1)]
    [TestCase(2 * SpoolFormat.ChunkSize)]
    [TestCase(1024 * 1024)]
    public async Task Content_reads_back_byte_identical(int size)
    {
        SqliteMessageSpool spool = await OpenAsync();
        byte[] content = Content(size, size);
        QueuedMessage m = await WriteAsync(spool, content, pieces: 7);

        Assert.That(m.ContentLength, Is.EqualTo(size));
        Assert.That(await ReadAllAsync(spool, m.QueueId), Is.EqualTo(content));
        QueuedMessage? got = await spool.GetAsync(m.QueueId, CancellationToken.None);
        Assert.That(got!.ContentLength, Is.EqualTo(size));
    }

    [Test]
    public async Task Content_is_not_stored_in_clear()
    {
        SqliteMessageSpool spool = await OpenAsync();
        byte[] marker = "PATIENT-NAME-JOHN-DOE-0123456789"u8.ToArray();
        byte[] content = [.. Content(5000), .. marker, .. Content(5000, 2)];
        SpoolEnvelope env = Envelope("patient.doe@hospital.example");
        QueuedMessage m = await WriteAsync(spool, content, env);
        await CloseAsync(spool);

        byte[] db = File.ReadAllBytes(Path.Combine(DataDir, "spool.db"));
        Assert.Multiple(() =>
        {
            Assert.That(db.AsSpan().IndexOf(marker), Is.EqualTo(-1), "content marker found in clear");
            Assert.That(db.AsSpan().IndexOf("patient.doe"u8), Is.EqualTo(-1), "recipient address found in clear");
            Assert.That(db.AsSpan().IndexOf("sender@clinic"u8), Is.EqualTo(-1), "sender found in clear");
            Assert.That(db.AsSpan().IndexOf("hospital.example"u8), Is.Not.EqualTo(-1), "the domain is the one clear field");
        });
        Assert.That(m.QueueId, Has.Length.EqualTo(13));
    }

    [Test]
    public async Task Envelope_round_trips_with_dsn_fields_and_decision()
    {
        SqliteMessageSpool spool = await OpenAsync();
        var env = new SpoolEnvelope
        {
            ReversePath = "bounces+x@clinic.example",
            Recipients =
            [
                new SpoolRecipient("a@one.example", 2 | 4 | 8, "rfc822;a@one.example"),
                new SpoolRecipient("b@two.example", 1, null),
                new SpoolRecipient("ü@straße.example", 0, "utf-8;\u00fc@stra\u00dfe.example"),
            ],
            ReceivedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(-5)),
            ClientAddress = "2001:db8::1",
            HeloName = "ehr.clinic.example",
            AuthenticatedUser = "ehr-app",
            EnvelopeId = "ENV-42",
            DsnReturn = 2,
            BodyType = 3,
            SmtpUtf8 = true,
            RequireTls = true,
            Content = new ContentFacts(false, 78),
            Decision = new DecisionRecord
            {
                Verdict = VerdictClass.Uncertain,
                Category = MessageCategory.Payment,
                Detectors = ["unreadable:encrypted_pdf"],
                Recipients = [new RecipientDecisionRecord { Rule = "r7", Methods = [DeliveryMethod.Pgp, DeliveryMethod.Escrow] }],
            },
        };
        QueuedMessage written = await WriteAsync(spool, Content(100), env);
        await CloseAsync(spool);

        spool = await OpenAsync();
        QueuedMessage got = (await spool.GetAsync(written.QueueId, CancellationToken.None))!;
        SpoolEnvelope e = got.Envelope;
        Assert.Multiple(() =>
        {
            Assert.That(e.ReversePath, Is.EqualTo(env.ReversePath));
            Assert.That(e.Recipients, Is.EqualTo(env.Recipients));
            Assert.That(e.ReceivedAt, Is.EqualTo(env.ReceivedAt));
            Assert.That(e.ReceivedAt.Offset, Is.EqualTo(TimeSpan.FromHours(-5)));
            Assert.That(e.ClientAddress, Is.EqualTo(env.ClientAddress));
            Assert.That(e.HeloName, Is.EqualTo(env.HeloName));
            Assert.That(e.AuthenticatedUser, Is.EqualTo(env.AuthenticatedUser));
            Assert.That(e.EnvelopeId, Is.EqualTo(env.EnvelopeId));
            Assert.That(e.DsnReturn, Is.EqualTo(2));
            Assert.That(e.BodyType, Is.EqualTo(3));
            Assert.That(e.SmtpUtf8, Is.True);
            Assert.That(e.RequireTls, Is.True);
            Assert.That(e.Content, Is.EqualTo(env.Content));
            Assert.That(e.Decision.Verdict, Is.EqualTo(VerdictClass.Uncertain));
            Assert.That(e.Decision.Category, Is.EqualTo(MessageCategory.Payment));
            Assert.That(e.Decision.Detectors, Is.EqualTo(env.Decision.Detectors));
            Assert.That(e.Decision.Recipients.Single().Rule, Is.EqualTo("r7"));
            Assert.That(e.Decision.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Pgp, DeliveryMethod.Escrow }));
            Assert.That(e.Decision.MethodsFor(1), Is.EqualTo(DecisionRecord.FailClosedMethods), "an undecided recipient fails closed");
            Assert.That(got.State, Is.EqualTo(QueueState.Active));
            Assert.That(got.Recipients.Select(r => r.State), Is.All.EqualTo(RecipientState.Pending));
        });

        List<QueuedMessage> listed = await ListAsync(spool);
        Assert.That(listed.Single().Envelope.Recipients, Is.EqualTo(env.Recipients));
    }

    [Test]
    public async Task Commit_without_recipients_is_rejected()
    {
        SqliteMessageSpool spool = await OpenAsync();
        await using ISpoolWriter w = spool.CreateWriter();
        Assert.ThrowsAsync<ArgumentException>(async () => await w.CommitAsync(Envelope(), CancellationToken.None));
    }

    [Test]
    public async Task Unknown_or_malformed_ids_are_not_found()
    {
        SqliteMessageSpool spool = await OpenAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(await spool.GetAsync("nope", CancellationToken.None), Is.Null);
            Assert.That(await spool.GetAsync("0000000000001", CancellationToken.None), Is.Null);
            Assert.That(await spool.HoldAsync("ZZZZZZZZZZZZZ", CancellationToken.None), Is.False);
            Assert.That(await spool.DeleteAsync("0000000000001", CancellationToken.None), Is.False);
        });
        Assert.ThrowsAsync<SpoolException>(async () => await spool.OpenContentAsync("0000000000001", CancellationToken.None));
    }
}
