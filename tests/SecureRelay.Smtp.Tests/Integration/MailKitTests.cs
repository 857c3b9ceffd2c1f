using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Integration;

/// <summary>The real MailKit SmtpClient against a real Kestrel listener on loopback.</summary>
[TestFixture]
public sealed class MailKitTests
{
    private static MimeMessage NewMessage(string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Clinic", "noreply@clinic.example"));
        message.To.Add(new MailboxAddress("Patient", "patient@dest.example"));
        message.Cc.Add(new MailboxAddress("Other", "other@dest.example"));
        message.Subject = subject;
        message.MessageId = "test-" + Guid.NewGuid().ToString("N") + "@clinic.example";
        message.Body = new TextPart("plain") { Text = "Hello.\n.leading dot line\n..two dots\nThe end.\n" };
        return message;
    }

    private static byte[] Serialize(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, stream);
        return stream.ToArray();
    }

    private static SmtpClient NewClient() => new()
    {
        ServerCertificateValidationCallback = (_, _, _, _) => true,
        CheckCertificateRevocation = false,
        LocalDomain = "client.example",
        Timeout = 20000,
    };

    [Test]
    public async Task PlainSendIsReceivedByteForByte()
    {
        var harness = new SmtpHarness(listener: l => l.RelayNetworks = [System.Net.IPNetwork.Parse("127.0.0.0/8")]);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        using var log = new MemoryStream();
        using var client = new SmtpClient(new ProtocolLogger(log, leaveOpen: true)) { LocalDomain = "client.example", Timeout = 20000 };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);
        Assert.That(client.Capabilities.HasFlag(SmtpCapabilities.Pipelining | SmtpCapabilities.Chunking | SmtpCapabilities.EightBitMime | SmtpCapabilities.Dsn), Is.True);
        var message = NewMessage("plain");
        await client.SendAsync(message);
        var second = NewMessage("second on the same connection");
        await client.SendAsync(second);
        await client.DisconnectAsync(quit: true);

        var transcript = System.Text.Encoding.UTF8.GetString(log.ToArray());
        // MailKit dot-stuffs on the wire; the sink must get the original lines back.
        Assert.That(transcript, Does.Contain("C: DATA").And.Contain("C: ..leading dot line").And.Contain("C: ...two dots"));
        Assert.That(harness.Logs.Errors, Is.Empty);
        var received = harness.Acceptor.Messages.ToArray();
        Assert.That(received, Has.Length.EqualTo(2));
        Assert.That(received[0].Body, Is.EqualTo(Serialize(message)));
        Assert.That(received[1].Body, Is.EqualTo(Serialize(second)));
        Assert.That(received[0].Transaction.ReversePath, Is.EqualTo("noreply@clinic.example"));
        Assert.That(received[0].Transaction.Recipients.Select(r => r.Address), Is.EqualTo(new[] { "patient@dest.example", "other@dest.example" }));
        Assert.That(received[0].Session.RemoteEndPoint.Address.ToString(), Is.EqualTo("127.0.0.1"));
        Assert.That(received[0].ReceivedHeader, Does.StartWith("Received: from client.example ([127.0.0.1])\r\n"));
    }

    [Test]
    public async Task StartTlsAndAuthThenRelayFromOutsideTheRelayNetworks()
    {
        var harness = SmtpHarness.WithTls(SmtpAuthMode.Required);
        harness.ListenerOptions.RelayNetworks.Clear();
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.StartTls);
        Assert.That(client.IsSecure, Is.True);
        Assert.That(client.AuthenticationMechanisms, Is.SupersetOf(new[] { "PLAIN", "LOGIN" }));
        await client.AuthenticateAsync(TestAuthenticator.User, TestAuthenticator.Password);
        var message = NewMessage("over TLS");
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);

        var received = harness.Acceptor.Single();
        Assert.That(received.Body, Is.EqualTo(Serialize(message)));
        Assert.That(received.Session.AuthenticatedUser, Is.EqualTo(TestAuthenticator.User));
        Assert.That(received.Session.IsTls, Is.True);
        Assert.That(received.ReceivedHeader, Does.Contain(" with ESMTPSA id "));
    }

    [Test]
    public async Task WrongPasswordIsRefusedWith535()
    {
        var harness = SmtpHarness.WithTls(SmtpAuthMode.Required);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.StartTls);
        var error = Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(TestAuthenticator.User, "wrong"));
        Assert.That(error!.Message, Does.Contain("authentication failed"));
        // MailKit turns the server's 530 into ServiceNotAuthenticatedException, keeping our text.
        var refused = Assert.ThrowsAsync<ServiceNotAuthenticatedException>(() => client.SendAsync(NewMessage("no auth")));
        Assert.That(refused!.Message, Is.EqualTo("5.7.0 Authentication required"));
        Assert.That(harness.Acceptor.Calls, Is.Empty);
    }

    [Test]
    public async Task OpenRelayAttemptIsRefused()
    {
        var harness = new SmtpHarness(listener: l => l.RelayNetworks = []);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);
        var error = Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(NewMessage("relay me")));
        Assert.That(error!.ErrorCode, Is.EqualTo(SmtpErrorCode.RecipientNotAccepted));
        Assert.That((int)error.StatusCode, Is.EqualTo(554));
        Assert.That(harness.Acceptor.Messages, Is.Empty);
    }

    [Test]
    public async Task ImplicitTlsListener()
    {
        var harness = SmtpHarness.WithTls(tls: SmtpTlsMode.Implicit);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        using var client = NewClient();
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.SslOnConnect);
        await client.AuthenticateAsync(TestAuthenticator.User, TestAuthenticator.Password);
        var message = NewMessage("implicit");
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
        Assert.That(harness.Acceptor.Single().Body, Is.EqualTo(Serialize(message)));
    }

    [Test]
    public async Task DsnParametersFromMailKitArrive()
    {
        var harness = new SmtpHarness(listener: l => l.RelayNetworks = [System.Net.IPNetwork.Parse("127.0.0.0/8")]);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        using var client = new DsnClient
        {
            LocalDomain = "client.example",
        };
        await client.ConnectAsync("127.0.0.1", server.Port, SecureSocketOptions.None);
        await client.SendAsync(NewMessage("dsn"));
        await client.DisconnectAsync(quit: true);
        var transaction = harness.Acceptor.Single().Transaction;
        Assert.That(transaction.EnvelopeId, Is.EqualTo("env+id=1"));
        Assert.That(transaction.Recipients[0].Notify, Is.EqualTo(DsnNotify.Success | DsnNotify.Failure));
        Assert.That(transaction.Recipients[0].OriginalRecipient, Is.EqualTo("rfc822;patient@dest.example"));
    }

    private sealed class DsnClient : SmtpClient
    {
        protected override string GetEnvelopeId(MimeMessage message) => "env+id=1";

        protected override DeliveryStatusNotification? GetDeliveryStatusNotifications(MimeMessage message, MailboxAddress mailbox) =>
            DeliveryStatusNotification.Success | DeliveryStatusNotification.Failure;
    }
}
