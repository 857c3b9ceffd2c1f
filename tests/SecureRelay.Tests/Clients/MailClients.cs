using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using System.Text.Json;
using MailKit.Security;
using MimeKit;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Clients;

/// <summary>
/// Each client an application might use, driven the way its documentation shows (the README's
/// "Sending from your application" examples are these invocations). Every method fails the test
/// when the client reports an error.
/// </summary>
public static class MailClients
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Client names, in the order the cases are listed.</summary>
    public static readonly string[] Names = ["python-str", "python-bytes", "mailkit", "system-net-mail", "nodemailer", "curl", "msmtp", "swaks", "sendmail"];

    /// <summary>Clients that send an SMTPUTF8 recipient (the others get an ASCII one with the UTF-8 content).</summary>
    public static readonly HashSet<string> SmtpUtf8 = ["python-str", "python-bytes", "mailkit", "system-net-mail", "nodemailer", "sendmail"];

    /// <summary>Sends <paramref name="s"/> with its client.</summary>
    public static Task SendAsync(Submission s, RelayProcess relay)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Client switch
        {
            "python-str" => PythonAsync(s, "str"),
            "python-bytes" => PythonAsync(s, "bytes"),
            "mailkit" => MailKitAsync(s),
            "system-net-mail" => SystemNetMailAsync(s),
            "nodemailer" => NodemailerAsync(s),
            "curl" => CurlAsync(s),
            "msmtp" => MsmtpAsync(s),
            "swaks" => SwaksAsync(s),
            "sendmail" => SendmailAsync(s, relay),
            _ => throw new ArgumentOutOfRangeException(nameof(s), s.Client, "unknown client"),
        };
    }

    /// <summary>The message as an .eml file with LF line endings, for the clients that send a file
    /// as it is (Python bytes, curl, msmtp, the sendmail pipe).</summary>
    public static byte[] BuildEml(Submission s)
    {
        ArgumentNullException.ThrowIfNull(s);
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(s.Sender));
        message.To.Add(MailboxAddress.Parse(s.Recipient));
        message.Subject = s.Subject;
        message.Date = DateTimeOffset.Now;
        message.MessageId = $"{s.Token}@client.test";
        var text = new TextPart("plain") { ContentTransferEncoding = s.Kind == SubmissionKind.Utf8 ? ContentEncoding.EightBit : ContentEncoding.SevenBit };
        text.SetText("utf-8", s.Body);
        if (s.Kind == SubmissionKind.Attachment)
        {
            message.Body = new Multipart("mixed")
            {
                text,
                new MimePart("application", "octet-stream")
                {
                    Content = new MimeContent(new MemoryStream(s.Attachment)),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = s.AttachmentName,
                },
            };
        }
        else
        {
            message.Body = text;
        }

        using var stream = new MemoryStream();
        message.WriteTo(new FormatOptions { NewLineFormat = NewLineFormat.Unix, International = s.InternationalRecipient }, stream);
        return stream.ToArray();
    }

    private static async Task PythonAsync(Submission s, string mode)
    {
        var python = Tools.Require("python3");
        var fields = ScriptFields(s);
        fields["mode"] = mode;
        fields["eml"] = s.EmlPath;
        var args = JsonSerializer.Serialize(fields);
        await Expect0(python, [Path.Combine(ClientsDir(), "smtplib_send.py"), args]);
    }

    private static async Task NodemailerAsync(Submission s)
    {
        var node = Tools.Require("node");
        var dir = Path.Combine(ClientsDir(), "nodemailer");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "nodemailer")))
        {
            Assert.Ignore($"nodemailer is not installed: scripts/test.sh runs 'npm ci' in {dir}");
        }

        var args = JsonSerializer.Serialize(ScriptFields(s));
        await Expect0(node, [Path.Combine(dir, "send.js"), args]);
    }

    /// <summary>What the Python and Node senders read from their JSON argument.</summary>
    private static Dictionary<string, object> ScriptFields(Submission s) => new()
    {
        ["port"] = s.Port,
        ["kind"] = KindName(s.Kind),
        ["sender"] = s.Sender,
        ["to"] = s.Recipient,
        ["subject"] = s.Subject,
        ["body"] = s.Body,
        ["user"] = Submission.User,
        ["password"] = Submission.Password,
        ["attachment"] = s.AttachmentPath,
        ["attachment_name"] = s.AttachmentName,
    };

    private static async Task MailKitAsync(Submission s)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(s.Sender));
        message.To.Add(MailboxAddress.Parse(s.Recipient));
        message.Subject = s.Subject;
        var body = new BodyBuilder { TextBody = s.Body };
        if (s.Kind == SubmissionKind.Attachment)
        {
            body.Attachments.Add(s.AttachmentName, s.Attachment, new ContentType("application", "octet-stream"));
        }

        message.Body = body.ToMessageBody();
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        client.ServerCertificateValidationCallback = (_, _, _, _) => true; // self-signed in the test
        await client.ConnectAsync("127.0.0.1", s.Port, s.Authenticated ? SecureSocketOptions.StartTls : SecureSocketOptions.None);
        if (s.Authenticated)
        {
            client.AuthenticationMechanisms.IntersectWith(["PLAIN"]);
            await client.AuthenticateAsync(Submission.User, Submission.Password);
        }

        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    private static async Task SystemNetMailAsync(Submission s)
    {
        using var message = new MailMessage(new MailAddress(s.Sender), new MailAddress(s.Recipient))
        {
            Subject = s.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = s.Body,
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = s.Kind == SubmissionKind.Utf8 ? System.Net.Mime.TransferEncoding.EightBit : System.Net.Mime.TransferEncoding.SevenBit,
        };
        if (s.Kind == SubmissionKind.Attachment)
        {
            message.Attachments.Add(new Attachment(s.AttachmentPath, "application/octet-stream"));
        }

        using var client = new SmtpClient("127.0.0.1", s.Port)
        {
            EnableSsl = s.Authenticated, // STARTTLS: System.Net.Mail has no implicit TLS
            Credentials = s.Authenticated ? new NetworkCredential(Submission.User, Submission.Password) : null, // AUTH LOGIN
            DeliveryFormat = s.InternationalRecipient ? SmtpDeliveryFormat.International : SmtpDeliveryFormat.SevenBit,
            Timeout = (int)Timeout.TotalMilliseconds,
        };

        // System.Net.Mail checks certificates only through this process-wide callback.
#pragma warning disable SYSLIB0014
        var previous = ServicePointManager.ServerCertificateValidationCallback;
        ServicePointManager.ServerCertificateValidationCallback = (_, _, _, _) => true;
        try
        {
            await client.SendMailAsync(message);
        }
        finally
        {
            ServicePointManager.ServerCertificateValidationCallback = previous;
        }
#pragma warning restore SYSLIB0014
    }

    private static async Task CurlAsync(Submission s)
    {
        var curl = Tools.Require("curl");
        var args = new List<string> { "-sS", "--max-time", "30", "--url", $"smtp://127.0.0.1:{s.Port}/client.test",
            "--mail-from", s.Sender, "--mail-rcpt", s.Recipient, "--upload-file", s.EmlPath };
        if (s.Authenticated)
        {
            args.AddRange(["--ssl-reqd", "-k", "--user", $"{Submission.User}:{Submission.Password}", "--login-options", "AUTH=PLAIN"]);
        }

        await Expect0(curl, args);
    }

    private static async Task MsmtpAsync(Submission s)
    {
        var msmtp = Tools.Require("msmtp");
        var config = Path.Combine(s.WorkDir, $"msmtprc-{s.Token}");
        var lines = new List<string>
        {
            "account default",
            "host 127.0.0.1",
            string.Create(CultureInfo.InvariantCulture, $"port {s.Port}"),
            $"from {s.Sender}",
            "domain msmtp.client.test",
            "timeout 30",
        };
        lines.AddRange(s.Authenticated
            ? ["tls on", "tls_starttls on", "tls_certcheck off", "auth login", $"user {Submission.User}", $"password {Submission.Password}"]
            : ["tls off", "auth off"]);
        await File.WriteAllLinesAsync(config, lines);
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite); // msmtp refuses a readable password file
        await Expect0(msmtp, [$"--file={config}", "--", s.Recipient], await File.ReadAllBytesAsync(s.EmlPath));
    }

    private static async Task SwaksAsync(Submission s)
    {
        var swaks = Tools.Require("swaks");
        var args = new List<string> { "--server", $"127.0.0.1:{s.Port}", "--ehlo", "swaks.client.test", "--from", s.Sender, "--to", s.Recipient,
            "--header", $"Subject: {s.Subject}", "--timeout", "30" };
        if (s.Authenticated)
        {
            args.AddRange(["--tls", "--auth", "LOGIN", "--auth-user", Submission.User, "--auth-password", Submission.Password]);
        }

        if (s.Kind == SubmissionKind.Utf8)
        {
            args.AddRange(["--add-header", "MIME-Version: 1.0", "--add-header", "Content-Type: text/plain; charset=UTF-8",
                "--add-header", "Content-Transfer-Encoding: 8bit"]);
        }

        if (s.Kind == SubmissionKind.Attachment)
        {
            args.AddRange(["--attach-type", "text/plain", "--attach-body", s.Body, "--attach-type", "application/octet-stream",
                "--attach-name", s.AttachmentName, "--attach", "@" + s.AttachmentPath]);
        }
        else
        {
            args.AddRange(["--body", s.Body]);
        }

        await Expect0(swaks, args);
    }

    private static async Task SendmailAsync(Submission s, RelayProcess relay)
    {
        var (code, output) = await RelayProcess.RunVerbAsync(Timeout, await File.ReadAllBytesAsync(s.EmlPath),
            "sendmail", "--config", relay.ConfigFile, "-i", "-f", s.Sender, "--", s.Recipient);
        Assert.That(code, Is.Zero, output);
    }

    private static async Task Expect0(string file, IEnumerable<string> args, byte[]? stdin = null)
    {
        var (code, output) = await Tools.RunAsync(file, args, Timeout, stdin);
        Assert.That(code, Is.Zero, $"{Path.GetFileName(file)} failed:\n{output}");
    }

    private static string KindName(SubmissionKind kind) => kind switch
    {
        SubmissionKind.Plain => "plain",
        SubmissionKind.StartTlsAuth => "auth",
        SubmissionKind.Utf8 => "utf8",
        SubmissionKind.Attachment => "attachment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string ClientsDir() => Path.Combine(Tools.RepositoryRoot(), "tests", "SecureRelay.Tests", "Clients");
}
