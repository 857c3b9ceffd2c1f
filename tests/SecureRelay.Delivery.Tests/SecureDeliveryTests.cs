using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MimeKit;
using MimeKit.Cryptography;
using SecureRelay.Contracts;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Security.Dkim;
using SecureRelay.Security.Escrow;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Per-recipient secure delivery against real peers on loopback: the first method of the
/// recipient's list it can receive wins; openssl and gpg verify what the sink received.</summary>
public class SecureDeliveryTests
{
    private const string Recipient = "pat@dest.test";
    private const string PhiMethods = "smime,pgp,tls-verified,escrow";
    private SecureEnvironment _env = null!;

    [SetUp]
    public void SetUp() => _env = new SecureEnvironment();

    [TearDown]
    public void TearDown() => _env.Dispose();

    /// <summary>A PHI message as the host stores it: policy headers still in, decision recorded.</summary>
    private static (SpoolEnvelope Envelope, string Content) Phi(string? methods, string to = Recipient)
    {
        SpoolEnvelope envelope = TestMessages.WithMethods(DateTimeOffset.UtcNow, "app@sender.test", methods, to);
        if (methods is not null)
        {
            envelope = envelope.WithRecipients(r => r with { Rule = "phi-default" });
            envelope = envelope with { Decision = envelope.Decision with { Verdict = VerdictClass.Phi, Category = MessageCategory.Treatment } };
        }

        string content = "X-SecureRelay-Classification: phi\nX-SecureRelay-Category: treatment\n" + TestMessages.Content(to: to);
        return (envelope, content);
    }

    private static async Task<DeliveryScheduler> StartAsync(InMemorySpool spool, DeliveryOptions options, SecureDeliveryServices security, RecordingEvents? events = null, Harness.FakeResolver? resolver = null)
    {
        var scheduler = new DeliveryScheduler(spool, options, resolver: resolver, events: events, security: security);
        await scheduler.StartAsync(CancellationToken.None);
        return scheduler;
    }

    /// <summary>Delivers one <see cref="Phi"/> message with <see cref="PhiMethods"/> to a fresh sink and
    /// returns what the sink received once the message has left the spool.</summary>
    private static async Task<SinkMessage> DeliverPhiAsync(SecureDeliveryServices security)
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        await using DeliveryScheduler scheduler = await StartAsync(spool, Harness.RouteAllTo(sink.Port), security);
        (SpoolEnvelope envelope, string content) = Phi(PhiMethods);
        scheduler.Enqueue(spool.Add(envelope, content));

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)), Is.True);
        await Harness.WaitUntilAsync(() => spool.Count == 0);
        return sink.Messages.Single();
    }

    private string WriteFile(string name, string text)
    {
        string path = Path.Combine(_env.Root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public async Task Smime_RecipientWithCertificate_GetsEnvelopeThatOpensslDecrypts()
    {
        Tools.Require("openssl");
        (string certPath, string keyPath, var certificate) = _env.Pki.IssueSmime(Recipient, _env.CertsDir, _env.PrivateDir);
        SinkMessage m = await DeliverPhiAsync(_env.Services(smime: true, pgp: true, escrow: true));
        Assert.That(m.RcptTo, Is.EqualTo(new[] { Recipient }));
        Assert.That(m.Data, Does.Contain("application/pkcs7-mime"));
        Assert.That(m.Data, Does.Not.Contain("X-SecureRelay-"));
        Assert.That(m.Data, Does.Not.Contain(TestMessages.SecretBody).And.Not.Contain(TestMessages.SecretSubject));

        (int code, string plain, string error) = Tools.Run("openssl", ["cms", "-decrypt", "-in", WriteFile("smime.eml", m.Data), "-recip", certPath, "-inkey", keyPath]);
        Assert.That(code, Is.Zero, error);
        Assert.That(plain, Does.Contain(TestMessages.SecretBody));
        Assert.That(plain, Does.Not.Contain("X-SecureRelay-"));

        JsonElement audit = (await _env.AuditForAsync(Recipient));
        Assert.That(audit.GetProperty("outcome").GetString(), Is.EqualTo("delivered"));
        Assert.That(audit.GetProperty("method").GetString(), Is.EqualTo("smime"));
        Assert.That(audit.GetProperty("smime_thumbprint").GetString(), Is.EqualTo(Convert.ToHexString(SHA256.HashData(certificate.RawData))).IgnoreCase);
        Assert.That(audit.GetProperty("phi").GetString(), Is.EqualTo("true"));
        Assert.That(audit.GetProperty("rule").GetString(), Is.EqualTo("phi-default"));
        Assert.That(_env.AuditText(), Does.Not.Contain(TestMessages.SecretSubject).And.Not.Contain("PHI-BODY-MARKER"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Smime_SignedOnlyWhenThePolicySaysSo(bool sign)
    {
        Tools.Require("openssl");
        (string certPath, string keyPath, _) = _env.Pki.IssueSmime(Recipient, _env.CertsDir, _env.PrivateDir);
        // The organisation's signing identity lives outside the recipient certificate directory.
        (string signerCert, string signerKey, _) = _env.Pki.IssueSmime("app@sender.test", _env.Dir("signer"), _env.PrivateDir);
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        await using DeliveryScheduler scheduler = await StartAsync(spool, Harness.RouteAllTo(sink.Port), _env.Services(smime: true, smimeSigner: (signerCert, signerKey)));
        (SpoolEnvelope envelope, string content) = Phi("smime");
        if (sign)
        {
            envelope = envelope.WithRecipients(r => r with { SignSmime = true });
        }

        scheduler.Enqueue(spool.Add(envelope, content));
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)), Is.True);
        (int code, string plain, string error) = Tools.Run("openssl", ["cms", "-decrypt", "-in", WriteFile("s.eml", sink.Messages.Single().Data), "-recip", certPath, "-inkey", keyPath]);
        Assert.That(code, Is.Zero, error);
        Assert.That(plain, Does.Contain(TestMessages.SecretBody));
        Assert.That(plain.Contains("multipart/signed", StringComparison.Ordinal), Is.EqualTo(sign));
        if (sign)
        {
            File.WriteAllText(Path.Combine(_env.Root, "ca.pem"), _env.Pki.Ca.ExportCertificatePem());
            (int verify, _, string verifyError) = Tools.Run("openssl", ["cms", "-verify", "-in", WriteFile("signed.eml", plain), "-CAfile", Path.Combine(_env.Root, "ca.pem"), "-purpose", "any"]);
            Assert.That(verify, Is.Zero, verifyError);
        }

        Assert.That((await _env.AuditForAsync(Recipient)).GetProperty("signed").GetBoolean(), Is.EqualTo(sign));
    }

    [Test]
    public async Task Pgp_RecipientWithKey_GetsPgpMimeThatGpgDecrypts()
    {
        string fingerprint = _env.GeneratePgpKey(Recipient);
        SinkMessage m = await DeliverPhiAsync(_env.Services(smime: true, pgp: true, escrow: true));
        Assert.That(m.Data, Does.Contain("multipart/encrypted").And.Contain("application/pgp-encrypted"));
        Assert.That(m.Data, Does.Not.Contain("X-SecureRelay-").And.Not.Contain(TestMessages.SecretBody));

        var received = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)));
        var encrypted = (MultipartEncrypted)received.Body!;
        var payload = (MimePart)encrypted[1];
        var armored = new MemoryStream();
        payload.Content!.DecodeTo(armored);
        string plain = _env.Gpg("--decrypt", WriteFile("pgp.asc", Encoding.ASCII.GetString(armored.ToArray())));
        Assert.That(plain, Does.Contain(TestMessages.SecretBody));

        JsonElement audit = (await _env.AuditForAsync(Recipient));
        Assert.That(audit.GetProperty("method").GetString(), Is.EqualTo("pgp"));
        Assert.That(audit.GetProperty("pgp_fingerprint").GetString(), Is.EqualTo(fingerprint).IgnoreCase);
        Assert.That(audit.GetProperty("skipped")[0].GetString(), Does.StartWith("smime:"));
    }

    [Test]
    public async Task NoStartTls_NoCertificateOrKey_Escrowed_SinkGetsOnlyTheSignedNotice()
    {
        DkimKeyGenerationResult key = DkimKeyGenerator.Generate("relay.test", "n1", _env.Dir("dkim"));
        using var dkim = new DkimSigningService(new DkimOptions { Keys = [new DkimKeyOptions { Domain = "relay.test", Selector = "n1", PrivateKeyPath = key.PrivateKeyPath }] });
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using DeliveryScheduler scheduler = await StartAsync(spool, Harness.RouteAllTo(sink.Port), _env.Services(smime: true, pgp: true, escrow: true, dkim: dkim), events);
        (SpoolEnvelope envelope, string content) = Phi(PhiMethods);
        QueuedMessage q = scheduler.Submit(spool, envelope, content);

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True);
        SinkMessage notice = sink.Messages.Single();
        Assert.That(notice.RcptTo, Is.EqualTo(new[] { Recipient }));
        Assert.That(notice.Data, Does.Contain("https://portal.relay.test/m/"));
        Assert.That(notice.Data, Does.Not.Contain(TestMessages.SecretBody).And.Not.Contain(TestMessages.SecretSubject).And.Not.Contain("4711"));

        IReadOnlyList<EscrowRecordInfo> stored = _env.Escrow!.List();
        Assert.That(stored, Has.Count.EqualTo(1));
        Assert.That(await Harness.WaitUntilAsync(() => events.Delivered.Any(e => e.QueueId == q.QueueId && e.Method == "escrow" && e.Response == "escrowed as " + stored[0].Id)), Is.True);

        JsonElement audit = await _env.AuditForAsync(Recipient, q.QueueId);
        Assert.That(audit.GetProperty("outcome").GetString(), Is.EqualTo("escrowed"));
        Assert.That(audit.GetProperty("method").GetString(), Is.EqualTo("escrow"));
        Assert.That(audit.GetProperty("escrow_id").GetString(), Is.EqualTo(stored[0].Id));
        Assert.That(audit.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()), Has.Some.EqualTo("tls-verified: no STARTTLS"));

        // The notice went as a relay-generated message, DKIM-signed last.
        var received = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(notice.Data)));
        var locator = new MemoryDkimKeyLocator();
        locator.Add("n1", "relay.test", key.DnsValue);
        Assert.That(new DkimVerifier(locator).Verify(received, received.Headers.First(h => h.Id == HeaderId.DkimSignature)), Is.True);
    }

    [Test]
    public async Task SelfSignedCertificate_IsNotVerified_FallsThroughToEscrow()
    {
        using var cert = TestPki.SelfSigned("mx.dest.test");
        await using var sink = new ScriptedSmtpSink { Certificate = cert };
        var spool = new InMemorySpool();
        await using DeliveryScheduler scheduler = await StartAsync(spool, VerifiedRoute(sink.Port), _env.Services(escrow: true, tls: true), resolver: MxDestTest());
        (SpoolEnvelope envelope, string content) = Phi("tls-verified,escrow");
        scheduler.Enqueue(spool.Add(envelope, content));

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(await Harness.WaitUntilAsync(() => spool.Count == 0), Is.True);
        Assert.That(sink.Messages.Single().Data, Does.Not.Contain(TestMessages.SecretBody), "only the escrow notice");
        JsonElement audit = (await _env.WaitForAuditAsync(l => l.Any(r => r.GetProperty("outcome").GetString() == "escrowed")))
            .First(r => r.GetProperty("outcome").GetString() == "escrowed");
        Assert.That(audit.GetProperty("skipped")[0].GetString(), Does.StartWith("tls-verified: certificate not verified"));
    }

    [Test]
    public async Task CertificateFromTrustedAnchor_ForMxName_SentTlsVerified()
    {
        using X509Certificate2Holder holder = new(_env.Pki.IssueServer("mx.dest.test"));
        await using var sink = new ScriptedSmtpSink { Certificate = holder.Certificate };
        var spool = new InMemorySpool();
        SecureDeliveryServices services = _env.Services(escrow: true, trustAnchorsPem: _env.Pki.Ca.ExportCertificatePem());
        await using DeliveryScheduler scheduler = await StartAsync(spool, VerifiedRoute(sink.Port), services, resolver: MxDestTest());
        (SpoolEnvelope envelope, string content) = Phi("tls-verified,escrow");
        scheduler.Enqueue(spool.Add(envelope, content));

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)), Is.True);
        await Harness.WaitUntilAsync(() => spool.Count == 0);
        SinkMessage m = sink.Messages.Single();
        Assert.That(m.Tls, Is.EqualTo(SslProtocols.Tls12).Or.EqualTo(SslProtocols.Tls13));
        Assert.That(m.Data, Does.Contain(TestMessages.SecretBody), "the message itself, over verified TLS");
        Assert.That(m.Data, Does.Not.Contain("X-SecureRelay-"));
        Assert.That(_env.Escrow!.List(), Is.Empty);

        JsonElement audit = (await _env.AuditForAsync(Recipient));
        Assert.That(audit.GetProperty("method").GetString(), Is.EqualTo("tls-verified"));
        Assert.That(audit.GetProperty("tls_validation").GetString(), Is.EqualTo("pkix"));
        Assert.That(audit.GetProperty("tls_protocol").GetString(), Is.EqualTo(m.Tls.ToString()));
        Assert.That(audit.GetProperty("certificate_sha256").GetString(),
            Is.EqualTo(Convert.ToHexString(SHA256.HashData(holder.Certificate.RawData))).IgnoreCase);
        Assert.That(audit.GetProperty("relay").GetString(), Does.StartWith("mx.dest.test[127.0.0.1]:"));
    }

    [Test]
    public async Task TlsVerifiedOnly_WithoutValidTls_DeferredAndNothingSent()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using DeliveryScheduler scheduler = await StartAsync(spool, Harness.RouteAllTo(sink.Port), _env.Services(escrow: true, tls: true), events);
        (SpoolEnvelope envelope, string content) = Phi("tls-verified");
        QueuedMessage q = scheduler.Submit(spool, envelope, content);

        Assert.That(await Harness.WaitUntilAsync(() => events.Deferred.Count == 1), Is.True);
        Assert.That(events.Deferred.Single().DsnStatus, Is.EqualTo("4.7.5"));
        Assert.That(spool.Peek(q.QueueId)!.Recipients[0].State, Is.EqualTo(RecipientState.Pending));
        Assert.That(spool.Peek(q.QueueId)!.Recipients[0].LastResponse, Does.Contain("no acceptable secure method"));
        Assert.That(sink.Messages, Is.Empty);
        Assert.That(sink.Commands, Has.None.StartWith("MAIL"));
        Assert.That((await _env.AuditForAsync(Recipient)).GetProperty("outcome").GetString(), Is.EqualTo("deferred"));
    }

    [Test]
    public async Task NonPhi_Opportunistic_DeliveredAsIsToPlaintextPostfixSink()
    {
        await using SmtpSink sink = await SmtpSink.StartAsync();
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using DeliveryScheduler scheduler = await StartAsync(spool, Harness.RouteAllTo(sink.Port), _env.Services(smime: true, escrow: true), events);
        QueuedMessage q = spool.Add(TestMessages.WithMethods(DateTimeOffset.UtcNow, "app@sender.test", "opportunistic", Recipient), TestMessages.Content(to: Recipient));
        scheduler.Enqueue(q);

        Assert.That(await Harness.WaitUntilAsync(() => events.Delivered.Count == 1, TimeSpan.FromSeconds(15)), Is.True);
        Assert.That(events.Delivered.Single().Method, Is.EqualTo("opportunistic"));
        Assert.That(events.Delivered.Single().Response, Does.StartWith("250"));
        Assert.That(_env.Escrow!.List(), Is.Empty);
        JsonElement audit = (await _env.AuditForAsync(Recipient));
        Assert.That(audit.GetProperty("method").GetString(), Is.EqualTo("opportunistic"));
        Assert.That(audit.TryGetProperty("tls_protocol", out _), Is.False, "smtp-sink offers no STARTTLS: plaintext");
        Assert.That(audit.TryGetProperty("phi", out _), Is.False, "no PHI verdict was recorded");
    }

    [Test]
    public async Task NoDecision_NotInternal_FailsClosed_NeverPlaintext()
    {
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using DeliveryScheduler scheduler = await StartAsync(spool, Harness.RouteAllTo(sink.Port), _env.Services(), events);
        (SpoolEnvelope envelope, string content) = Phi(methods: null);
        Assert.That(envelope.Decision, Is.SameAs(DecisionRecord.Undecided));
        scheduler.Enqueue(spool.Add(envelope, content));

        Assert.That(await Harness.WaitUntilAsync(() => events.Deferred.Count == 1), Is.True);
        Assert.That(sink.Messages, Is.Empty);
        Assert.That(events.Deferred.Single().DsnStatus, Is.EqualTo("4.7.5"));
        JsonElement audit = (await _env.AuditForAsync(Recipient));
        Assert.That(audit.GetProperty("skipped").EnumerateArray().Select(s => s.GetString()!.Split(':')[0]),
            Is.EqualTo(new[] { "smime", "pgp", "tls-verified", "escrow" }));
    }

    [Test]
    public async Task Dkim_DeliveredCopy_CarriesValidSignature()
    {
        DkimKeyGenerationResult key = DkimKeyGenerator.Generate("sender.test", "sel1", _env.Dir("dkim"));
        using var dkim = new DkimSigningService(new DkimOptions { Keys = [new DkimKeyOptions { Domain = "sender.test", Selector = "sel1", PrivateKeyPath = key.PrivateKeyPath }] });
        await using var sink = new ScriptedSmtpSink();
        var spool = new InMemorySpool();
        await using DeliveryScheduler scheduler = await StartAsync(spool, Harness.RouteAllTo(sink.Port), _env.Services(dkim: dkim));
        string content = "X-SecureRelay-Classification: none\n" + TestMessages.Content(to: Recipient);
        scheduler.Enqueue(spool.Add(TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", Recipient), content));

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(15)), Is.True);
        var received = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(sink.Messages.Single().Data)));
        Assert.That(received.Headers.Contains("X-SecureRelay-Classification"), Is.False);
        Header signature = received.Headers.First(h => h.Id == HeaderId.DkimSignature);
        Assert.That(signature.Value, Does.Contain("d=sender.test"));
        var locator = new MemoryDkimKeyLocator();
        locator.Add("sel1", "sender.test", key.DnsValue);
        var verifier = new DkimVerifier(locator);
        Assert.That(verifier.Verify(received, signature), Is.True);

        // The check can fail: a changed body no longer verifies.
        received.Body = new TextPart("plain") { Text = "tampered" };
        Assert.That(verifier.Verify(received, signature), Is.False);
    }

    private static DeliveryOptions VerifiedRoute(int port)
    {
        DeliveryOptions options = Harness.RouteAllTo(port);
        options.Routes = [new DeliveryRoute { Domains = ["*"], NextHop = $"mx.dest.test:{port}" }];
        return options;
    }

    private static Harness.FakeResolver MxDestTest()
    {
        var resolver = new Harness.FakeResolver();
        resolver.Answers["mx.dest.test"] = Harness.FakeResolver.Hosts(("mx.dest.test", 0, "127.0.0.1"));
        return resolver;
    }

    /// <summary>Disposes a certificate with a using declaration while keeping a readable name.</summary>
    private sealed class X509Certificate2Holder(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) : IDisposable
    {
        public System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate { get; } = certificate;

        public void Dispose() => Certificate.Dispose();
    }
}
