using System.Globalization;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Smtp.Session;

/// <summary>EHLO/HELO, MAIL, RCPT and RSET.</summary>
internal sealed partial class SmtpSession
{
    private bool StartTlsOffered => _ctx.Listener.Tls == SmtpTlsMode.StartTls && !Info.IsTls;

    private bool AuthEnabled => _ctx.Listener.Auth != SmtpAuthMode.None && _ctx.Authenticator is not null;

    /// <summary><c>ehlo = "EHLO" SP ( Domain / address-literal ) CRLF</c> (RFC 5321 §4.1.1.1): resets any
    /// transaction and lists the extensions in force for this connection state.</summary>
    private async ValueTask<CommandOutcome> HelloAsync(SmtpCommand command)
    {
        await ClearTransactionAsync();
        Info.HeloName = command.Argument;
        Info.IsExtended = command.Verb == SmtpVerb.Ehlo;
        if (!Info.IsExtended)
        {
            WriteReply(new SmtpReply(250, string.Empty, HostName));
            return CommandOutcome.Success;
        }

        var lines = new List<string>
        {
            HostName,
            "PIPELINING",
            "SIZE " + _limits.MessageSize.ToString(CultureInfo.InvariantCulture),
            "8BITMIME",
            "SMTPUTF8",
            "ENHANCEDSTATUSCODES",
            "CHUNKING",
            // No BINARYMIME (Postfix does not offer it either): next hops get the message with DATA, which
            // cannot carry binary content, and binary content would pass bare CR/LF on to them.
            "DSN",
        };
        if (StartTlsOffered)
        {
            lines.Add("STARTTLS");
        }

        if (AuthEnabled && Info.IsTls)
        {
            lines.Add("AUTH PLAIN LOGIN");
        }

        if (Info.IsTls)
        {
            lines.Add("REQUIRETLS"); // RFC 8689 §4: only offered on a TLS-protected session
        }

        WriteMultiline(250, lines);
        return CommandOutcome.Success;
    }

    private async ValueTask<CommandOutcome> RsetAsync()
    {
        await ClearTransactionAsync();
        WriteReply(new SmtpReply(250, "2.0.0", "Ok"));
        return CommandOutcome.Success;
    }

    /// <summary><c>mail = "MAIL FROM:" Reverse-path [SP Mail-parameters] CRLF</c> with SIZE (RFC 1870),
    /// BODY (RFC 6152, RFC 3030), SMTPUTF8 (RFC 6531), RET/ENVID (RFC 3461), REQUIRETLS (RFC 8689) and
    /// AUTH (RFC 4954 §5).</summary>
    private async ValueTask<CommandOutcome> MailAsync(SmtpCommand command)
    {
        if (_ctx.Listener.Auth == SmtpAuthMode.Required && Info.AuthenticatedUser is null)
        {
            return await RejectAsync(Info.IsTls || _ctx.Listener.Tls == SmtpTlsMode.None
                ? new SmtpReply(530, "5.7.0", "Authentication required")
                : new SmtpReply(530, "5.7.0", "Must issue a STARTTLS command first"));
        }

        long? size = null;
        var body = MessageBodyType.Unspecified;
        var utf8 = false;
        var requireTls = false;
        var ret = DsnReturn.Unspecified;
        string? envelopeId = null;
        foreach (var (keyword, value) in command.Parameters)
        {
            switch (keyword)
            {
                case "SIZE" when value is { Length: > 0 and <= 20 } && value.All(char.IsAsciiDigit):
                    // size-value ::= 1*20DIGIT (RFC 1870); anything past long.MaxValue is past any limit anyway.
                    size = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
                    break;
                case "BODY" when value is not null && value.Equals("7BIT", StringComparison.OrdinalIgnoreCase):
                    body = MessageBodyType.SevenBit;
                    break;
                case "BODY" when value is not null && value.Equals("8BITMIME", StringComparison.OrdinalIgnoreCase):
                    body = MessageBodyType.EightBitMime;
                    break;
                case "BODY" when value is not null && value.Equals("BINARYMIME", StringComparison.OrdinalIgnoreCase):
                    return await RejectAsync(new SmtpReply(555, "5.5.4", "Unsupported BODY parameter value BINARYMIME"));
                case "SMTPUTF8" when value is null:
                    utf8 = true;
                    break;
                case "REQUIRETLS" when value is null && Info.IsTls:
                    requireTls = true;
                    break;
                case "RET" when value is not null && value.Equals("FULL", StringComparison.OrdinalIgnoreCase):
                    ret = DsnReturn.Full;
                    break;
                case "RET" when value is not null && value.Equals("HDRS", StringComparison.OrdinalIgnoreCase):
                    ret = DsnReturn.Headers;
                    break;
                case "ENVID" when value is not null:
                    // ENVID=xtext, at most 100 characters (RFC 3461 §4.4).
                    envelopeId = XText.Decode(value);
                    if (envelopeId is null || envelopeId.Length > 100)
                    {
                        return await RejectAsync(new SmtpReply(501, "5.5.4", "Invalid ENVID parameter"));
                    }

                    break;
                case "AUTH" when value is not null && AuthEnabled && Info.IsTls:
                    // The RFC 4954 §5 mailbox of the original submitter: accepted and ignored because
                    // we do not trust it from anyone.
                    break;
                case "SIZE" or "BODY" or "SMTPUTF8" or "RET" or "ENVID":
                    return await RejectAsync(new SmtpReply(501, "5.5.4", $"Invalid {keyword} parameter"));
                default:
                    return await RejectAsync(new SmtpReply(555, "5.5.4", $"Unsupported parameter {keyword}"));
            }
        }

        if (size > _limits.MessageSize)
        {
            return await RejectAsync(new SmtpReply(552, "5.3.4", "Message size exceeds fixed limit"));
        }

        if (command.PathIsInternational && !utf8)
        {
            return await RejectAsync(new SmtpReply(553, "5.6.7", "Non-ASCII address requires SMTPUTF8"));
        }

        var transaction = new SmtpTransaction
        {
            ReversePath = command.Path ?? string.Empty,
            DeclaredSize = size,
            BodyType = body,
            SmtpUtf8 = utf8,
            RequireTls = requireTls,
            Return = ret,
            EnvelopeId = envelopeId,
        };

        var refusal = await AskAcceptorAsync("MAIL", () => _ctx.Acceptor.CheckMailFromAsync(Info, transaction, _aborted));
        if (refusal is { } reply)
        {
            return await RejectAsync(reply);
        }

        _transaction = transaction;
        WriteReply(new SmtpReply(250, "2.1.0", "Ok"));
        return CommandOutcome.Success;
    }

    /// <summary><c>rcpt = "RCPT TO:" ( "&lt;Postmaster@" Domain "&gt;" / "&lt;Postmaster&gt;" / Forward-path ) [SP Rcpt-parameters] CRLF</c>
    /// with NOTIFY and ORCPT (RFC 3461 §4.1, §4.2).</summary>
    private async ValueTask<CommandOutcome> RcptAsync(SmtpCommand command)
    {
        var transaction = _transaction ?? throw new InvalidOperationException("RCPT allowed without a transaction");
        if (transaction.Recipients.Count >= _limits.RecipientsPerMessage)
        {
            return await RejectAsync(new SmtpReply(452, "4.5.3", "Error: too many recipients"));
        }

        var notify = DsnNotify.Unspecified;
        string? originalRecipient = null;
        foreach (var (keyword, value) in command.Parameters)
        {
            switch (keyword)
            {
                case "NOTIFY" when value is not null:
                    // notify-esmtp-value = "NEVER" / 1#notify-list-element; notify-list-element = "SUCCESS" / "FAILURE" / "DELAY"
                    notify = ParseNotify(value);
                    if (notify == DsnNotify.Unspecified)
                    {
                        return await RejectAsync(new SmtpReply(501, "5.5.4", "Invalid NOTIFY parameter"));
                    }

                    break;
                case "ORCPT" when value is not null:
                    // orcpt-parameter = "ORCPT=" original-recipient-address; original-recipient-address = addr-type ";" xtext
                    originalRecipient = ParseOriginalRecipient(value);
                    if (originalRecipient is null)
                    {
                        return await RejectAsync(new SmtpReply(501, "5.5.4", "Invalid ORCPT parameter"));
                    }

                    break;
                case "NOTIFY" or "ORCPT":
                    return await RejectAsync(new SmtpReply(501, "5.5.4", $"Invalid {keyword} parameter"));
                default:
                    return await RejectAsync(new SmtpReply(555, "5.5.4", $"Unsupported parameter {keyword}"));
            }
        }

        var address = command.Path ?? string.Empty;
        if (command.PathIsInternational && !transaction.SmtpUtf8)
        {
            return await RejectAsync(new SmtpReply(553, "5.6.7", "Non-ASCII address requires SMTPUTF8"));
        }

        // Never an open relay: only authenticated clients and configured networks may relay.
        if (Info.AuthenticatedUser is null && !Info.InRelayNetworks)
        {
            return await RejectAsync(new SmtpReply(554, "5.7.1", $"<{address}>: Relay access denied"));
        }

        var recipient = new SmtpRecipient(address, notify, originalRecipient);
        var refusal = await AskAcceptorAsync("RCPT", () => _ctx.Acceptor.CheckRecipientAsync(Info, transaction, recipient, _aborted));
        if (refusal is { } reply)
        {
            return await RejectAsync(reply);
        }

        transaction.Recipients.Add(recipient);
        WriteReply(new SmtpReply(250, "2.1.5", "Ok"));
        return CommandOutcome.Success;
    }

    internal static DsnNotify ParseNotify(string value)
    {
        if (value.Equals("NEVER", StringComparison.OrdinalIgnoreCase))
        {
            return DsnNotify.Never;
        }

        var result = DsnNotify.Unspecified;
        foreach (var element in value.Split(','))
        {
            var flag = element.ToUpperInvariant() switch
            {
                "SUCCESS" => DsnNotify.Success,
                "FAILURE" => DsnNotify.Failure,
                "DELAY" => DsnNotify.Delay,
                _ => DsnNotify.Unspecified,
            };
            if (flag == DsnNotify.Unspecified)
            {
                return DsnNotify.Unspecified;
            }

            result |= flag;
        }

        return result;
    }

    /// <summary>Returns <c>addr-type;decoded-address</c>, or null when malformed.
    /// <c>addr-type = atom</c> (RFC 3461 §4.2).</summary>
    internal static string? ParseOriginalRecipient(string value)
    {
        var semicolon = value.IndexOf(';');
        if (semicolon <= 0)
        {
            return null;
        }

        var type = value[..semicolon];
        if (!type.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return null;
        }

        var address = XText.Decode(value[(semicolon + 1)..]);
        return address is null || address.Length == 0 || address.Length > 500 ? null : type + ";" + address;
    }

    /// <summary>Runs an acceptor hook. A hook that throws is a host bug or outage: logged, and the client
    /// gets <c>451 4.3.0</c> so it retries later.</summary>
    private async ValueTask<SmtpReply?> AskAcceptorAsync(string stage, Func<ValueTask<SmtpReply?>> hook)
    {
        try
        {
            return await hook();
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && _aborted.IsCancellationRequested))
        {
            SmtpLog.AcceptorFailed(_ctx.Logger, Info.SessionId, stage, ex);
            return new SmtpReply(451, "4.3.0", "Error: temporary failure, try again later");
        }
    }
}
