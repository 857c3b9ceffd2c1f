using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using SecureRelay.Tests.Infrastructure;
using SecureRelay.Users;

namespace SecureRelay.Tests.Clients;

/// <summary>
/// The clients applications really use, each sending four messages (plain from a relay network,
/// STARTTLS + AUTH, UTF-8, an attachment) through one real relay to Postfix's smtp-sink. What the
/// sink received is parsed back: envelope, headers, body text, attachment bytes; a tap in front of
/// the sink checks that every line left the relay ending in CRLF, even those a client sent with a
/// bare LF (Python bytes, curl and the sendmail pipe send an LF file as it is).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ClientCompatibilityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private SmtpSink _sink = null!;
    private LoopbackTap _tap = null!;
    private RelayProcess _relay = null!;
    private string _work = null!;

    [OneTimeSetUp]
    public async Task StartRelay()
    {
        _sink = await SmtpSink.StartAsync();
        _tap = new LoopbackTap(_sink.Port);
        var hash = PasswordHasher.Hash(Submission.Password, 10_000);
        var users = $"users:\n  - name: {Submission.User}\n    password_hash: \"{hash}\"\n    sender_domains: [clinic.test]\n";
        // The attachment is opaque binary, which the classifier cannot read and so would protect (never
        // plaintext to this sink): as an admin would for an application that sends no PHI, a sender rule
        // says so, and the bytes the clients sent can be checked at the sink.
        _relay = await RelayProcess.StartAsync(
            TestConfig.Relay([("*", _tap.Port)], extra: users + "policy_file: ./policy.yaml\n"),
            dir => File.WriteAllText(Path.Combine(dir, "policy.yaml"), "version: 1\nsenders:\n  - name: client-suite\n    sender_domain: [clinic.test]\n    classification: none\n"));
        _work = Directory.CreateTempSubdirectory("sr-clients-").FullName;
    }

    [OneTimeTearDown]
    public async Task StopRelay()
    {
        await _relay.DisposeAsync();
        _tap.Dispose();
        _sink.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    public static IEnumerable<TestCaseData> Cases() =>
        from client in MailClients.Names
        from kind in Enum.GetValues<SubmissionKind>()
        // The sendmail pipe submits as a local program: from a relay network, without AUTH.
        where !(client == "sendmail" && kind == SubmissionKind.StartTlsAuth)
        select new TestCaseData(client, kind).SetName($"{client} {kind}");

    [TestCaseSource(nameof(Cases))]
    public async Task MessageArrivesIntact(string client, SubmissionKind kind)
    {
        var s = await NewSubmissionAsync(client, kind);

        await MailClients.SendAsync(s, _relay);

        var arrived = await _sink.WaitForTransactionAsync(s.Token, Wait);
        Assert.That(arrived, Is.Not.Null, $"{s.Token} did not reach the sink.\n{_relay.Log}");
        Assert.That(arrived!.MailArgs, Does.StartWith($"<{s.Sender}>"));
        // smtp-sink logs each non-ASCII octet of an address as '?'; the tap below sees the real ones.
        var logged = new string(Encoding.UTF8.GetBytes(s.Recipient).Select(b => b > 127 ? '?' : (char)b).ToArray());
        Assert.That(arrived.RcptArgs, Has.Some.StartsWith($"<{logged}>"));

        using var message = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(arrived.Content)));
        Assert.That(message.Subject, Is.EqualTo(s.Subject));
        Assert.That(message.From.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { s.Sender }));
        Assert.That(message.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { s.Recipient }));
        var text = (message.TextBody ?? "").ReplaceLineEndings("\n");
        foreach (var line in s.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.That(text, Does.Contain(line), "body text");
        }

        if (kind == SubmissionKind.Attachment)
        {
            var attachment = message.Attachments.OfType<MimePart>().Single();
            Assert.That(attachment.FileName, Is.EqualTo(s.AttachmentName));
            using var decoded = new MemoryStream();
            attachment.Content!.DecodeTo(decoded);
            Assert.That(decoded.ToArray(), Is.EqualTo(s.Attachment), "attachment bytes");
        }

        // Our trace header names how the message came in (RFC 3848 / RFC 6531 keywords).
        var received = message.Headers.Where(h => h.Id == HeaderId.Received).Select(h => h.Value).Single(v => v.Contains("(SecureRelay)", StringComparison.Ordinal));
        var expected = (s.InternationalRecipient ? "UTF8SMTP" : "ESMTP") + (s.Authenticated ? "SA" : "");
        Assert.That(WithProtocol().Match(received).Groups[1].Value, Is.EqualTo(expected), received);

        var wire = _tap.ClientBytes();
        var bare = Enumerable.Range(0, wire.Length).Where(i => wire[i] == (byte)'\n' && (i == 0 || wire[i - 1] != (byte)'\r')).ToList();
        Assert.That(bare, Is.Empty, "every line the relay sent ends in CRLF");
        if (s.InternationalRecipient)
        {
            Assert.That(Encoding.UTF8.GetString(wire), Does.Contain($"RCPT TO:<{s.Recipient}>"), "the UTF-8 address went on as UTF-8");
        }

        if (kind != SubmissionKind.Utf8)
        {
            Assert.That(Encoding.UTF8.GetString(wire), Does.Contain(s.Token), "the message went through the tap");
        }
    }

    private async Task<Submission> NewSubmissionAsync(string client, SubmissionKind kind)
    {
        var token = $"{client}-{kind}-{Guid.NewGuid().ToString("N")[..8]}";
        var utf8 = kind == SubmissionKind.Utf8;
        var recipient = utf8 && MailClients.SmtpUtf8.Contains(client) ? "jörg.müller@dest.test" : "rcpt@dest.test";
        var subject = utf8 ? $"Grüße aus Köln ✓ {token}" : $"Client check {token}";
        var body = utf8 ? $"Grüße — 東京 ✓ {token}\nzweite Zeile: äöü ß\n" : $"first line {token}\nsecond line\n";
        var attachment = new byte[3 * 1024];
        for (var i = 0; i < attachment.Length; i++)
        {
            attachment[i] = (byte)((i * 7) ^ (i >> 8)); // every byte value, CR and LF included
        }

        var s = new Submission(client, kind, _relay.SmtpPort, token, "app@clinic.test", recipient, subject, body,
            $"scan-{token}.bin", Path.Combine(_work, $"scan-{token}.bin"), attachment, Path.Combine(_work, $"{token}.eml"), _work);
        await File.WriteAllBytesAsync(s.AttachmentPath, attachment);
        await File.WriteAllBytesAsync(s.EmlPath, MailClients.BuildEml(s));
        return s;
    }

    [GeneratedRegex(@"\(SecureRelay\) with (\S+) id")]
    private static partial Regex WithProtocol();
}
