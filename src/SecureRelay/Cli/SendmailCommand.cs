using System.CommandLine;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Utils;

namespace SecureRelay.Cli;

/// <summary>
/// <c>securerelay sendmail</c> (also run through a link named <c>sendmail</c>): the command line that
/// cron, PHP's <c>mail()</c> and monitoring tools call. It reads one message from standard input,
/// adds Date, Message-ID and From when missing, removes Bcc, and submits it over SMTP (MailKit) to
/// the relay: the configuration's first listener or <c>--server host:port</c>. There is no local
/// queue: the exit code (<see cref="SysExits"/>) says whether the relay took the message.
/// </summary>
public static class SendmailCommand
{
    /// <summary>The program name that makes the executable behave as sendmail.</summary>
    public const string LinkName = "sendmail";

    /// <summary>Where the Dockerfile and the systemd unit install the configuration; used when the
    /// default relative path does not exist, because cron and PHP run sendmail from any directory.</summary>
    public const string InstalledConfigPath = "/etc/securerelay/securerelay.yaml";

    private static readonly TimeSpan SmtpTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The verb as listed by <c>securerelay --help</c>. <see cref="Program"/> hands
    /// <c>sendmail</c> command lines to <see cref="RunAsync(IReadOnlyList{string})"/> before
    /// System.CommandLine sees them, since sendmail's flags (<c>-fsender</c>, <c>-oi</c>, options
    /// ending at the first recipient) are not its syntax; this action serves in-process callers.</summary>
    public static Command Create()
    {
        var command = new Command("sendmail", "Submit a message from standard input like sendmail(8): -t, -i, -f sender, -F name, recipients (also when run through a link named 'sendmail'). See 'securerelay sendmail --help'.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(parse.UnmatchedTokens, Console.OpenStandardInput(), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>True when the process was started through a link (or copy) named <c>sendmail</c>.</summary>
    public static bool InvokedAsSendmail() => Path.GetFileName(ProgramPath()) == LinkName;

    /// <summary>Runs with the process's standard streams.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        await using var stdin = Console.OpenStandardInput();
        return await RunAsync(args, stdin, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Parses <paramref name="args"/>, reads the message from <paramref name="input"/> and
    /// submits it; returns a <see cref="SysExits"/> code, with the reason on <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Stream input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = SendmailOptions.Parse(args);
            if (options.Help)
            {
                await output.WriteLineAsync(SendmailOptions.Usage).ConfigureAwait(false);
                return SysExits.Ok;
            }

            var target = SendmailTarget.Resolve(options);
            var content = await SendmailInput.ReadAsync(input, target.MaxMessageSize, dotEndsInput: !options.IgnoreDots, cancellationToken).ConfigureAwait(false);
            using var message = ParseMessage(content);
            var sender = EnvelopeSender(options, target.Hostname);
            var recipients = Recipients(options, message, target.Hostname);
            CompleteHeaders(message, options, sender, target.Hostname);
            await SubmitAsync(target, options, message, sender, recipients, cancellationToken).ConfigureAwait(false);
            return SysExits.Ok;
        }
        catch (SendmailException e)
        {
            await error.WriteLineAsync($"sendmail: {e.Message}").ConfigureAwait(false);
            if (e.ExitCode == SysExits.Usage)
            {
                await error.WriteLineAsync(SendmailOptions.Usage).ConfigureAwait(false);
            }

            return e.ExitCode;
        }
    }

    /// <summary>Parses the message; input that does not begin with a header (<c>echo hi | sendmail
    /// root</c>) is all body, as in Postfix's cleanup.</summary>
    private static MimeMessage ParseMessage(byte[] content)
    {
        try
        {
            if (!StartsWithHeader(content))
            {
                var withEmptyHeader = new byte[content.Length + 1];
                withEmptyHeader[0] = (byte)'\n';
                content.CopyTo(withEmptyHeader, 1);
                content = withEmptyHeader;
            }

            return MimeMessage.Load(new MemoryStream(content, writable: false));
        }
        catch (FormatException e)
        {
            throw new SendmailException(SysExits.DataError, $"the input is not a message: {e.Message}", e);
        }
    }

    /// <summary>RFC 5322 §2.2: a field name is printable ASCII but the colon, then the colon
    /// (optionally after white space, as obsolete syntax allows).</summary>
    private static bool StartsWithHeader(byte[] content)
    {
        var i = 0;
        while (i < content.Length && content[i] is >= 33 and <= 126 and not (byte)':')
        {
            i++;
        }

        if (i == 0)
        {
            return false;
        }

        while (i < content.Length && content[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return i < content.Length && content[i] == (byte)':';
    }

    /// <summary><c>-f</c>, else the login name at our host name (as sendmail and Postfix do).</summary>
    private static MailboxAddress EnvelopeSender(SendmailOptions options, string hostname)
    {
        if (options.Sender is { Length: 0 })
        {
            return new MailboxAddress(string.Empty, string.Empty); // MAIL FROM:<>
        }

        var address = options.Sender ?? Environment.UserName;
        if (!MailboxAddress.TryParse(address, out var mailbox))
        {
            throw new SendmailException(SysExits.Usage, $"-f {address}: not an address");
        }

        return Qualified(mailbox, hostname);
    }

    /// <summary>The recipient arguments, plus with <c>-t</c> the To, Cc and Bcc headers (Resent-To,
    /// -Cc and -Bcc instead when the message has them); each once, in order. Like Postfix (not
    /// sendmail 8), argument recipients are added to the header ones, not removed from them.</summary>
    private static List<MailboxAddress> Recipients(SendmailOptions options, MimeMessage message, string hostname)
    {
        var result = new List<MailboxAddress>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(MailboxAddress mailbox)
        {
            var qualified = Qualified(mailbox, hostname);
            if (seen.Add(qualified.Address))
            {
                result.Add(qualified);
            }
        }

        foreach (var arg in options.Recipients)
        {
            if (string.IsNullOrWhiteSpace(arg))
            {
                continue;
            }

            if (!InternetAddressList.TryParse(arg, out var list) || !list.Mailboxes.Any())
            {
                throw new SendmailException(SysExits.Usage, $"'{arg}' is not a recipient address");
            }

            foreach (var mailbox in list.Mailboxes)
            {
                Add(mailbox);
            }
        }

        if (options.ExtractRecipients)
        {
            var resent = message.ResentTo.Mailboxes.Concat(message.ResentCc.Mailboxes).Concat(message.ResentBcc.Mailboxes).ToList();
            var headers = resent.Count > 0 ? resent : message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes).ToList();
            foreach (var mailbox in headers)
            {
                Add(mailbox);
            }
        }

        if (result.Count == 0)
        {
            throw options.ExtractRecipients
                ? new SendmailException(SysExits.DataError, "no recipient: none given and none in the To, Cc or Bcc headers")
                : new SendmailException(SysExits.Usage, "no recipient given (name them, or use -t to take them from the headers)");
        }

        return result;
    }

    /// <summary>Bcc never travels; Date, Message-ID and From are added when missing (RFC 5322 §3.6
    /// requires Date and From). The added From is the envelope sender, named by <c>-F</c>.</summary>
    private static void CompleteHeaders(MimeMessage message, SendmailOptions options, MailboxAddress sender, string hostname)
    {
        message.Headers.RemoveAll(HeaderId.Bcc);
        message.Headers.RemoveAll(HeaderId.ResentBcc);
        if (!message.Headers.Contains(HeaderId.From))
        {
            var address = sender.Address.Length > 0 ? sender.Address : "MAILER-DAEMON@" + hostname;
            message.From.Add(new MailboxAddress(options.FullName ?? string.Empty, address));
        }

        if (!message.Headers.Contains(HeaderId.Date))
        {
            message.Date = DateTimeOffset.Now;
        }

        if (!message.Headers.Contains(HeaderId.MessageId))
        {
            message.MessageId = MimeUtils.GenerateMessageId(hostname);
        }
    }

    /// <summary>A bare local part (cron's <c>root</c>) gets our host name, as Postfix's
    /// <c>append_at_myorigin</c>: the relay routes only domains.</summary>
    private static MailboxAddress Qualified(MailboxAddress mailbox, string hostname) =>
        mailbox.Address.Contains('@', StringComparison.Ordinal) ? mailbox : new MailboxAddress(mailbox.Name, mailbox.Address + "@" + hostname);

    private static async Task SubmitAsync(SendmailTarget target, SendmailOptions options, MimeMessage message, MailboxAddress sender, List<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        using var client = new SendmailSmtpClient(options.Notify, options.EnvelopeId)
        {
            Timeout = (int)SmtpTimeout.TotalMilliseconds,
            DeliveryStatusNotificationType = options.Return,
            ServerCertificateValidationCallback = target.ValidateCertificate,
        };
        var where = $"{target.Host}:{target.Port}";
        try
        {
            await client.ConnectAsync(target.Host, target.Port, target.Tls, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new SendmailException(SysExits.TempFail, $"cannot connect to the relay at {where}: {e.Message}", e);
        }
        catch (SslHandshakeException e)
        {
            throw new SendmailException(SysExits.Unavailable, $"TLS with the relay at {where} failed: {e.Message}", e);
        }

        try
        {
            await client.SendAsync(message, sender, recipients, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e)
        {
            throw new SendmailException(ExitCodeFor(e), Describe(e), e);
        }
        catch (ServiceNotAuthenticatedException e)
        {
            throw new SendmailException(SysExits.NoPermission, $"the relay at {where} requires authentication: {e.Message} (submit to a listener whose relay_networks hold this host)", e);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or TimeoutException)
        {
            // Before the final 250 the relay has not taken responsibility: the caller must retry.
            throw new SendmailException(SysExits.TempFail, $"the connection to the relay at {where} failed: {e.Message}", e);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SmtpProtocolException or IOException or TimeoutException)
        {
            // The relay answered 250 to the message: it is queued whatever happens to QUIT.
        }
    }

    /// <summary>4xx: try again later; a refused recipient: EX_NOUSER; authentication wanted or the
    /// sender refused by policy: EX_NOPERM; any other 5xx: EX_UNAVAILABLE.</summary>
    internal static int ExitCodeFor(SmtpCommandException e)
    {
        var code = (int)e.StatusCode;
        if (code is >= 400 and < 500)
        {
            return SysExits.TempFail;
        }

        if (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted)
        {
            return SysExits.NoUser;
        }

        if (code is 530 or 535 || (e.ErrorCode == SmtpErrorCode.SenderNotAccepted && e.Message.StartsWith("5.7.", StringComparison.Ordinal)))
        {
            return SysExits.NoPermission;
        }

        return SysExits.Unavailable;
    }

    private static string Describe(SmtpCommandException e)
    {
        var reply = $"{(int)e.StatusCode} {e.Message}";
        return e.ErrorCode switch
        {
            SmtpErrorCode.RecipientNotAccepted => $"recipient <{e.Mailbox?.Address}> refused: {reply}",
            SmtpErrorCode.SenderNotAccepted => $"sender <{e.Mailbox?.Address}> refused: {reply}",
            SmtpErrorCode.MessageNotAccepted => $"message refused: {reply}",
            _ => $"the relay answered: {reply}",
        };
    }

    /// <summary>argv[0] as the process was started (a link's own name), which .NET does not expose:
    /// <see cref="Environment.ProcessPath"/> resolves links.</summary>
    private static string ProgramPath()
    {
        try
        {
            using var stream = File.OpenRead("/proc/self/cmdline");
            var buffer = new byte[4096];
            var length = stream.Read(buffer, 0, buffer.Length);
            var end = Array.IndexOf(buffer, (byte)0, 0, length);
            return Encoding.UTF8.GetString(buffer, 0, end < 0 ? length : end);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Environment.GetCommandLineArgs()[0]; // not Linux: the best .NET knows
        }
    }
}
