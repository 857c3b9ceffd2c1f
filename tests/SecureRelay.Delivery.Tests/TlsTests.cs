using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecureRelay.Delivery.Tests.Infrastructure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests;

/// <summary>Opportunistic STARTTLS (any certificate, TLS 1.2+), REQUIRETLS handling and the TLS
/// policy hook.</summary>
public class TlsTests
{
    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest("CN=sink.test", key, HashAlgorithmName.SHA256);
        using X509Certificate2 cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Treats every certificate as authenticated (stands in for DANE/MTA-STS later).</summary>
    private sealed class TrustEverything : IOutboundTlsPolicy
    {
        public bool AcceptCertificate(string destination, string host, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, out bool authenticated)
        {
            authenticated = true;
            return true;
        }
    }

    [Test]
    public async Task Opportunistic_UsesStartTls_WithSelfSignedCertificate()
    {
        using X509Certificate2 cert = SelfSigned();
        await using var sink = new ScriptedSmtpSink { Certificate = cert };
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), events: events).StartedAsync();
        scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test"));

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(sink.Messages.Single().Tls, Is.EqualTo(SslProtocols.Tls12).Or.EqualTo(SslProtocols.Tls13));
        Assert.That(events.Opened.Single().Tls, Is.True);
    }

    [Test]
    public async Task RequireTls_UnauthenticatedCertificate_Deferred()
    {
        using X509Certificate2 cert = SelfSigned();
        await using var sink = new ScriptedSmtpSink { Certificate = cert, AdvertiseRequireTls = true };
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port)).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test") with { RequireTls = true });

        Assert.That(await Harness.WaitUntilAsync(() => spool.Attempts.Count == 1), Is.True);
        Assert.That(sink.Messages, Is.Empty);
        Assert.That(spool.Peek(q.QueueId)!.Recipients[0].LastResponse, Does.Contain("no authenticated TLS"));
    }

    [Test]
    public async Task RequireTls_AuthenticatedByPolicy_SentWithRequireTlsParameter()
    {
        using X509Certificate2 cert = SelfSigned();
        await using var sink = new ScriptedSmtpSink { Certificate = cert, AdvertiseRequireTls = true };
        var spool = new InMemorySpool();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), tlsPolicy: new TrustEverything()).StartedAsync();
        scheduler.Enqueue(spool.Add(TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test") with { RequireTls = true }, TestMessages.Content()));

        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True);
        Assert.That(sink.Messages.Single().MailFrom, Does.Contain("REQUIRETLS"));
        Assert.That(sink.Messages.Single().Tls, Is.Not.EqualTo(SslProtocols.None));
    }

    [Test]
    public async Task RequireTls_NextHopWithoutRequireTlsSupport_Bounced5730()
    {
        using X509Certificate2 cert = SelfSigned();
        await using var sink = new ScriptedSmtpSink { Certificate = cert };
        var spool = new InMemorySpool();
        var events = new RecordingEvents();
        await using var scheduler = await new DeliveryScheduler(spool, Harness.RouteAllTo(sink.Port), events: events, tlsPolicy: new TrustEverything()).StartedAsync();
        QueuedMessage q = scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", "r@dest.test") with { RequireTls = true });

        Assert.That(await Harness.WaitUntilAsync(() => events.Bounced.Count == 1), Is.True);
        Assert.That(events.Bounced.Single().DsnStatus, Is.EqualTo("5.7.30"));
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)), Is.True, "only the DSN");
        Assert.That(sink.Messages.Single().RcptTo, Is.EqualTo(new[] { "app@sender.test" }));
    }
}
