using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Cryptography;
using SecureRelay.Security.Dkim;
using SecureRelay.Tests.Infrastructure;
using SecureRelay.Users;

namespace SecureRelay.Tests;

/// <summary>
/// An authenticated user may only send as its own domains: MAIL FROM (null sender and quoted local
/// parts included), every From:/Sender: address, and the DKIM key that signs its mail. A real
/// relay with keys for two tenants, a MailKit client with AUTH over STARTTLS, and a sink.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SenderAuthorizationTests
{
    private const string Password = "clinic-pw-5d1e";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private SmtpSink _sink = null!;
    private RelayProcess _relay = null!;
    private DkimKeyGenerationResult _clinicKey = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _sink = await SmtpSink.StartAsync();
        var hash = PasswordHasher.Hash(Password, 10_000);
        // hospital.test is another tenant with its own key, and the default domain: neither may sign
        // the clinic user's mail.
        var extra = $"""
            users:
              - name: clinic
                password_hash: "{hash}"
                sender_domains: [clinic.test]
            dkim:
              default_domain: hospital.test
              keys:
                - domain: clinic.test
                  selector: c1
                  private_key_path: ./dkim/c1.private
                - domain: hospital.test
                  selector: h1
                  private_key_path: ./dkim/h1.private

            """;
        DkimKeyGenerationResult? clinic = null;
        _relay = await RelayProcess.StartAsync(
            TestConfig.Relay([("*", _sink.Port)], relayNetworks: "[]", extra: extra),
            dir =>
            {
                var keys = Path.Combine(dir, "dkim");
                clinic = DkimKeyGenerator.Generate("clinic.test", "c1", keys);
                DkimKeyGenerator.Generate("hospital.test", "h1", keys);
            });
        _clinicKey = clinic!;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _relay.DisposeAsync();
        _sink.Dispose();
    }

    [TestCase("From", "ceo@hospital.test", TestName = "SpoofedFromIsRefusedAfterData")]
    [TestCase("Sender", "ceo@hospital.test", TestName = "SpoofedSenderIsRefusedAfterData")]
    [TestCase("From", "app@clinic.test, ceo@hospital.test", TestName = "SecondFromAddressIsChecked")]
    [TestCase("From", "\"app@clinic.test\" <ceo@hospital.test>", TestName = "DisplayNameDoesNotCount")]
    public async Task ForeignHeaderAddressIsRefused(string header, string value)
    {
        var before = _sink.CountMessages();
        var message = Message("app@clinic.test", "spoof attempt 4e1b");
        message.Headers.Replace(header, value);
        var e = Assert.ThrowsAsync<SmtpCommandException>(async () => await SendAsync(message, "app@clinic.test"));
        Assert.That(e!.StatusCode, Is.EqualTo((SmtpStatusCode)550));
        Assert.That(e.Message, Does.StartWith("5.7.1 <ceo@hospital.test>: " + header + ": header address rejected: not owned by user clinic"));
        await Task.Delay(500);
        Assert.That(_sink.CountMessages(), Is.EqualTo(before), "nothing was queued");
    }

    [TestCase("ceo@hospital.test", TestName = "ForeignEnvelopeSender")]
    [TestCase("\"x@clinic.test\"@hospital.test", TestName = "QuotedLocalPartDoesNotHideTheDomain")]
    [TestCase("", TestName = "NullSenderNeedsAllowNullSender")]
    public void ForeignEnvelopeSenderIsRefusedAtMail(string reversePath)
    {
        var e = Assert.ThrowsAsync<SmtpCommandException>(async () => await SendAsync(Message("app@clinic.test", "envelope 7c2d"), reversePath));
        Assert.That(e!.ErrorCode, Is.EqualTo(SmtpErrorCode.SenderNotAccepted));
        Assert.That((int)e.StatusCode, Is.EqualTo(553));
        Assert.That(e.Message, Does.Contain("5.7.1 <" + reversePath + ">: Sender address rejected: not owned by user clinic"));
    }

    [Test]
    public async Task OwnDomainIsAcceptedAndSignedWithItsOwnKeyOnly()
    {
        var before = _sink.CountMessages();
        // A quoted local part holding another domain is still a clinic.test address.
        await SendAsync(Message("app@clinic.test", "legitimate body 2a9f"), "\"x@hospital.test\"@clinic.test");
        Assert.That(await _sink.WaitForMessagesAsync(before + 1, Wait), Is.EqualTo(before + 1), _relay.Log);

        var dump = _sink.ReadDump();
        var start = dump.LastIndexOf("X-Mail-Args:", StringComparison.Ordinal);
        using var received = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(dump[start..])));
        Assert.That(received.TextBody, Does.Contain("legitimate body 2a9f"));
        var signatures = received.Headers.Where(h => h.Id == HeaderId.DkimSignature).ToList();
        Assert.That(signatures, Has.Count.EqualTo(1));
        Assert.That(signatures[0].Value, Does.Contain("d=clinic.test"));
        var locator = new MemoryDkimKeyLocator();
        locator.Add("c1", "clinic.test", _clinicKey.DnsValue);
        Assert.That(new DkimVerifier(locator).Verify(received, signatures[0]), Is.True, "the signature verifies with clinic.test's key");
    }

    private static MimeMessage Message(string from, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("rcpt@dest.test"));
        message.Subject = "sender check";
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private async Task SendAsync(MimeMessage message, string reversePath)
    {
        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = (_, _, _, _) => true; // the relay's self-signed test certificate
        using var timeout = new CancellationTokenSource(Wait);
        await client.ConnectAsync("127.0.0.1", _relay.SmtpPort, SecureSocketOptions.StartTls, timeout.Token);
        await client.AuthenticateAsync("clinic", Password, timeout.Token);
        var sender = reversePath.Length == 0 ? new MailboxAddress("", "") : MailboxAddress.Parse(reversePath);
        await client.SendAsync(message, sender, [MailboxAddress.Parse("rcpt@dest.test")], timeout.Token);
        await client.DisconnectAsync(true, timeout.Token);
    }
}
