using System.Security.Authentication;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>STARTTLS (RFC 3207) and implicit TLS over in-memory pipes with a real SslStream client.</summary>
[TestFixture]
public sealed class StartTlsTests
{
    [Test]
    public async Task ExtensionsChangeWithTls()
    {
        var harness = SmtpHarness.WithTls();
        var connection = harness.Connect(SmtpHarness.OutsideClient);
        await using var client = new StreamClient(connection.ClientStream);
        Assert.That(await client.ReadReplyAsync(), Is.EqualTo("220 mx.test.example ESMTP\r\n"));
        var plainEhlo = await client.CommandAsync("EHLO c.example");
        Assert.That(plainEhlo, Does.EndWith("250 STARTTLS\r\n").And.Not.Contain("AUTH").And.Not.Contain("REQUIRETLS"));
        Assert.That(await client.CommandAsync("AUTH PLAIN AGFwcEBjbGluaWMuZXhhbXBsZQBzM2NyZXQ="), Is.EqualTo("530 5.7.0 Must issue a STARTTLS command first\r\n"));
        Assert.That(await client.CommandAsync("MAIL FROM:<a@b.example> REQUIRETLS"), Is.EqualTo("555 5.5.4 Unsupported parameter REQUIRETLS\r\n"));
        Assert.That(await client.CommandAsync("STARTTLS"), Is.EqualTo("220 2.0.0 Ready to start TLS\r\n"));
        var tls = await client.StartTlsAsync();
        Assert.That(tls.SslProtocol, Is.AnyOf(SslProtocols.Tls12, SslProtocols.Tls13));

        Assert.That(await client.CommandAsync("MAIL FROM:<a@b.example>"), Is.EqualTo("503 5.5.1 Error: send HELO/EHLO first\r\n"), "state is reset by STARTTLS");
        var tlsEhlo = await client.CommandAsync("EHLO c.example");
        Assert.That(tlsEhlo, Does.Not.Contain("STARTTLS").And.Contain("250-AUTH PLAIN LOGIN\r\n").And.Contain("REQUIRETLS\r\n"));
        Assert.That(await client.CommandAsync("STARTTLS"), Is.EqualTo("503 5.5.1 Error: TLS already active\r\n"));
        Assert.That(await client.CommandAsync("MAIL FROM:<a@b.example> REQUIRETLS"), Is.EqualTo("250 2.1.0 Ok\r\n"));
        Assert.That(await client.CommandAsync("RCPT TO:<c@d.example>"), Is.EqualTo("554 5.7.1 <c@d.example>: Relay access denied\r\n"));
        Assert.That(await client.CommandAsync("QUIT"), Is.EqualTo("221 2.0.0 Bye\r\n"));
        await connection.Session.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(harness.Events.Log, Does.Contain("tls"));
    }

    [Test]
    public async Task PlaintextPipelinedAfterStartTlsIsDiscarded()
    {
        var harness = SmtpHarness.WithTls();
        var connection = harness.Connect();
        await using var client = new StreamClient(connection.ClientStream);
        Assert.That(await client.ReadReplyAsync(), Does.StartWith("220 "));
        // CVE-2011-0411: a man in the middle appends commands to the STARTTLS packet.
        await client.SendAsync("EHLO c.example\r\nSTARTTLS\r\nMAIL FROM:<evil@attacker.example>\r\nRCPT TO:<victim@d.example>\r\n");
        Assert.That(await client.ReadReplyAsync(), Does.StartWith("250-mx.test.example"));
        Assert.That(await client.ReadReplyAsync(), Is.EqualTo("220 2.0.0 Ready to start TLS\r\n"));
        await client.StartTlsAsync();
        Assert.That(await client.CommandAsync("EHLO c.example"), Does.StartWith("250-mx.test.example"), "the first reply inside TLS answers our EHLO, not the injected MAIL");
        Assert.That(await client.CommandAsync("RCPT TO:<x@d.example>"), Is.EqualTo("503 5.5.1 Error: need MAIL command\r\n"));
        Assert.That(await client.CommandAsync("MAIL FROM:<legit@clinic.example>"), Is.EqualTo("250 2.1.0 Ok\r\n"));
        Assert.That(await client.CommandAsync("RCPT TO:<c@d.example>"), Is.EqualTo("250 2.1.5 Ok\r\n"));
        Assert.That(await client.CommandAsync("DATA"), Does.StartWith("354 "));
        Assert.That(await client.CommandAsync("Subject: tls\r\n\r\nhi\r\n."), Is.EqualTo("250 2.0.0 Ok: queued\r\n"));
        await client.CommandAsync("QUIT");
        Assert.That(harness.Acceptor.Calls, Is.EqualTo(new[] { "MAIL legit@clinic.example", "RCPT c@d.example", "BEGIN" }));
        Assert.That(harness.Logs.Entries.Any(e => e.Message.Contains("discarded", StringComparison.Ordinal)), Is.True);

        var message = harness.Acceptor.Single();
        Assert.That(message.Session.TlsProtocol, Is.Not.Null);
        Assert.That(message.Session.TlsCipherSuite, Is.Not.Null.And.Not.Empty);
        Assert.That(message.ReceivedHeader, Does.Match(@"\(using TLSv1\.[23] with cipher TLS_\w+\)\r\n\tby mx\.test\.example \(SecureRelay\) with ESMTPS id "));
    }

    [Test]
    public async Task ImplicitTlsHandshakesBeforeTheGreeting()
    {
        var harness = SmtpHarness.WithTls(tls: SmtpTlsMode.Implicit);
        var connection = harness.Connect();
        await using var client = new StreamClient(connection.ClientStream);
        await client.StartTlsAsync();
        Assert.That(await client.ReadReplyAsync(), Is.EqualTo("220 mx.test.example ESMTP\r\n"));
        var ehlo = await client.CommandAsync("EHLO c.example");
        Assert.That(ehlo, Does.Contain("AUTH PLAIN LOGIN").And.Not.Contain("STARTTLS"));
        Assert.That(await client.CommandAsync("STARTTLS"), Is.EqualTo("502 5.5.1 Error: command not implemented\r\n"));
        await client.CommandAsync("QUIT");
    }

    [Test]
    public async Task FailedHandshakeClosesTheSession()
    {
        var harness = SmtpHarness.WithTls();
        var connection = harness.Connect();
        await connection.SendAsync("EHLO c.example\r\nSTARTTLS\r\n");
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("220 "));
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("250-"));
        Assert.That(await connection.ReadReplyAsync(), Is.EqualTo("220 2.0.0 Ready to start TLS\r\n"));
        await connection.SendAsync("this is not a TLS client hello\r\n\r\n\r\n\r\n");
        await connection.CloseAsync();
        await connection.ReadToEndAsync();
        Assert.That(harness.Events.Log, Does.Contain("tls-failed"));
    }

    [Test]
    public async Task StartTlsIsNotOfferedOnPlainListeners()
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync("EHLO c.example\r\nSTARTTLS\r\nAUTH PLAIN\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.Not.Contain("250-STARTTLS"));
        Assert.That(output, Does.EndWith("502 5.5.1 Error: command not implemented\r\n503 5.5.1 Error: authentication not enabled\r\n221 2.0.0 Bye\r\n"));
    }
}
