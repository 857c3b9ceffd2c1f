using System.Buffers;
using System.Text;

namespace SecureRelay.Smtp.Protocol;

/// <summary>
/// Parses one command line (without its CRLF) into an <see cref="SmtpCommand"/>. Productions quote the
/// RFC 5321 §4.1 ABNF (with the RFC 6531 SMTPUTF8 extensions) they implement. The line arrives as a
/// <see cref="ReadOnlySequence{T}"/> straight from the pipe, so segment boundaries do not matter.
/// </summary>
internal static class SmtpCommandParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static readonly SmtpReply SyntaxError = new(501, "5.5.4", "Syntax error in parameters or arguments");
    public static readonly SmtpReply UnknownCommand = new(500, "5.5.2", "Error: command not recognized");

    /// <summary>Parses <paramref name="line"/>; on failure <paramref name="error"/> is the reply to send.</summary>
    public static bool TryParse(ReadOnlySequence<byte> line, out SmtpCommand command, out SmtpReply error)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(line);
        }
        catch (DecoderFallbackException)
        {
            command = new SmtpCommand(SmtpVerb.Unknown);
            error = new SmtpReply(500, "5.5.2", "Error: invalid UTF-8 in command");
            return false;
        }

        return TryParse(text, out command, out error);
    }

    /// <summary>Parses an already decoded command line.</summary>
    public static bool TryParse(string line, out SmtpCommand command, out SmtpReply error)
    {
        foreach (var c in line)
        {
            // CR, NUL and other controls have no place in a command line; TAB is tolerated as space.
            if ((c < ' ' && c != '\t') || c == '\x7f')
            {
                command = new SmtpCommand(SmtpVerb.Unknown);
                error = new SmtpReply(500, "5.5.2", "Error: bad character in command");
                return false;
            }
        }

        var space = line.IndexOf(' ');
        var verbText = space < 0 ? line : line[..space];
        var rest = space < 0 ? string.Empty : line[(space + 1)..];
        error = default;
        var verb = verbText.ToUpperInvariant() switch
        {
            "EHLO" => SmtpVerb.Ehlo,
            "HELO" => SmtpVerb.Helo,
            "MAIL" => SmtpVerb.Mail,
            "RCPT" => SmtpVerb.Rcpt,
            "DATA" => SmtpVerb.Data,
            "BDAT" => SmtpVerb.Bdat,
            "RSET" => SmtpVerb.Rset,
            "NOOP" => SmtpVerb.Noop,
            "QUIT" => SmtpVerb.Quit,
            "VRFY" => SmtpVerb.Vrfy,
            "HELP" => SmtpVerb.Help,
            "STARTTLS" => SmtpVerb.StartTls,
            "AUTH" => SmtpVerb.Auth,
            _ => SmtpVerb.Unknown,
        };

        command = new SmtpCommand(verb);
        switch (verb)
        {
            case SmtpVerb.Unknown:
                error = UnknownCommand;
                return false;
            case SmtpVerb.Ehlo:
            case SmtpVerb.Helo:
                return ParseHello(verb, rest, out command, out error);
            case SmtpVerb.Mail:
                return ParseMail(rest, out command, out error);
            case SmtpVerb.Rcpt:
                return ParseRcpt(rest, out command, out error);
            case SmtpVerb.Bdat:
                return ParseBdat(rest, out command, out error);
            case SmtpVerb.Auth:
                return ParseAuth(rest, out command, out error);
            case SmtpVerb.Data:
            case SmtpVerb.Rset:
            case SmtpVerb.Quit:
            case SmtpVerb.StartTls:
                // data = "DATA" CRLF ; rset = "RSET" CRLF ; quit = "QUIT" CRLF ; starttls = "STARTTLS" CRLF
                if (rest.Trim().Length != 0)
                {
                    error = SyntaxError;
                    return false;
                }

                return true;
            case SmtpVerb.Vrfy:
                // vrfy = "VRFY" SP String CRLF
                if (rest.Trim().Length == 0)
                {
                    error = SyntaxError;
                    return false;
                }

                command = new SmtpCommand(verb) { Argument = rest.Trim() };
                return true;
            default:
                // noop = "NOOP" [ SP String ] CRLF ; help = "HELP" [ SP String ] CRLF
                command = new SmtpCommand(verb) { Argument = rest.Trim() };
                return true;
        }
    }

    /// <summary><c>ehlo = "EHLO" SP ( Domain / address-literal ) CRLF</c>;
    /// <c>helo = "HELO" SP Domain CRLF</c>.</summary>
    private static bool ParseHello(SmtpVerb verb, string rest, out SmtpCommand command, out SmtpReply error)
    {
        var name = rest.Trim();
        command = new SmtpCommand(verb) { Argument = name };
        if (name.Length == 0 || name.Length > 255 || name.Contains(' ', StringComparison.Ordinal))
        {
            error = new SmtpReply(501, "5.5.4", $"Syntax: {(verb == SmtpVerb.Ehlo ? "EHLO" : "HELO")} hostname");
            return false;
        }

        var reader = new MailboxReader(name, allowUtf8: false);
        // Clients commonly send names with '_' (Windows host names); accept them, but nothing that
        // could break the Received: header.
        if (!(reader.TryReadAddressLiteral() && reader.AtEnd) && !IsLenientDomain(name))
        {
            error = new SmtpReply(501, "5.5.4", $"Syntax: {(verb == SmtpVerb.Ehlo ? "EHLO" : "HELO")} hostname");
            return false;
        }

        error = default;
        return true;
    }

    private static bool IsLenientDomain(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                return false;
            }
        }

        return name[0] != '.' && name[^1] != '-';
    }

    /// <summary><c>mail = "MAIL FROM:" Reverse-path [SP Mail-parameters] CRLF</c>;
    /// <c>Reverse-path = Path / "&lt;&gt;"</c>.</summary>
    private static bool ParseMail(string rest, out SmtpCommand command, out SmtpReply error)
    {
        command = new SmtpCommand(SmtpVerb.Mail);
        if (!rest.StartsWith("FROM:", StringComparison.OrdinalIgnoreCase))
        {
            error = new SmtpReply(501, "5.5.4", "Syntax: MAIL FROM:<address>");
            return false;
        }

        // Many clients put a space after the colon; RFC 5321 does not, Postfix accepts it, so do we.
        var reader = new MailboxReader(rest[5..].TrimStart(' '), allowUtf8: true);
        if (reader.TryRead('<') && reader.TryRead('>'))
        {
            return ParseParameters(SmtpVerb.Mail, string.Empty, false, reader.Remaining, out command, out error);
        }

        reader = new MailboxReader(rest[5..].TrimStart(' '), allowUtf8: true);
        if (!reader.TryReadPath(out var mailbox, out var international))
        {
            error = new SmtpReply(501, "5.1.7", "Bad sender address syntax");
            return false;
        }

        return ParseParameters(SmtpVerb.Mail, mailbox, international, reader.Remaining, out command, out error);
    }

    /// <summary><c>rcpt = "RCPT TO:" ( "&lt;Postmaster@" Domain "&gt;" / "&lt;Postmaster&gt;" / Forward-path ) [SP Rcpt-parameters] CRLF</c>.</summary>
    private static bool ParseRcpt(string rest, out SmtpCommand command, out SmtpReply error)
    {
        command = new SmtpCommand(SmtpVerb.Rcpt);
        if (!rest.StartsWith("TO:", StringComparison.OrdinalIgnoreCase))
        {
            error = new SmtpReply(501, "5.5.4", "Syntax: RCPT TO:<address>");
            return false;
        }

        var argument = rest[3..].TrimStart(' ');
        if (argument.StartsWith("<postmaster>", StringComparison.OrdinalIgnoreCase))
        {
            return ParseParameters(SmtpVerb.Rcpt, "Postmaster", false, argument[12..], out command, out error);
        }

        var reader = new MailboxReader(argument, allowUtf8: true);
        if (!reader.TryReadPath(out var mailbox, out var international))
        {
            error = new SmtpReply(501, "5.1.3", "Bad recipient address syntax");
            return false;
        }

        return ParseParameters(SmtpVerb.Rcpt, mailbox, international, reader.Remaining, out command, out error);
    }

    /// <summary>
    /// <code>
    /// Mail-parameters = esmtp-param *(SP esmtp-param)
    /// esmtp-param     = esmtp-keyword ["=" esmtp-value]
    /// esmtp-keyword   = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
    /// esmtp-value     = 1*(%d33-60 / %d62-126)   ; RFC 6531: =/ UTF8-non-ascii
    /// </code>
    /// </summary>
    private static bool ParseParameters(SmtpVerb verb, string path, bool international, string rest, out SmtpCommand command, out SmtpReply error)
    {
        command = new SmtpCommand(verb);
        var parameters = new List<KeyValuePair<string, string?>>();
        if (rest.Length > 0 && rest[0] != ' ')
        {
            error = SyntaxError;
            return false;
        }

        foreach (var token in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = token.IndexOf('=');
            var keyword = eq < 0 ? token : token[..eq];
            var value = eq < 0 ? null : token[(eq + 1)..];
            if (keyword.Length == 0 || !char.IsAsciiLetterOrDigit(keyword[0]) || !keyword.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                error = SyntaxError;
                return false;
            }

            if (value is not null && (value.Length == 0 || value.Any(c => c < '!' || c == '=' || c == '\x7f')))
            {
                error = SyntaxError;
                return false;
            }

            keyword = keyword.ToUpperInvariant();
            if (parameters.Exists(p => p.Key == keyword))
            {
                error = new SmtpReply(501, "5.5.4", $"Duplicate parameter {keyword}");
                return false;
            }

            parameters.Add(new KeyValuePair<string, string?>(keyword, value));
        }

        command = new SmtpCommand(verb) { Path = path, PathIsInternational = international, Parameters = parameters };
        error = default;
        return true;
    }

    /// <summary>RFC 3030: <c>bdat-cmd ::= "BDAT" SP chunk-size [ SP end-marker ] CRLF</c>;
    /// <c>chunk-size ::= 1*DIGIT</c>; <c>end-marker ::= "LAST"</c>.</summary>
    private static bool ParseBdat(string rest, out SmtpCommand command, out SmtpReply error)
    {
        command = new SmtpCommand(SmtpVerb.Bdat);
        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2 || parts[0].Length > 18 || !parts[0].All(char.IsAsciiDigit))
        {
            error = new SmtpReply(501, "5.5.4", "Syntax: BDAT chunk-size [LAST]");
            return false;
        }

        var last = false;
        if (parts.Length == 2)
        {
            if (!parts[1].Equals("LAST", StringComparison.OrdinalIgnoreCase))
            {
                error = new SmtpReply(504, "5.5.4", "Unrecognized BDAT parameter");
                return false;
            }

            last = true;
        }

        command = new SmtpCommand(last ? SmtpVerb.BdatLast : SmtpVerb.Bdat) { ChunkSize = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) };
        error = default;
        return true;
    }

    /// <summary>RFC 4954: <c>auth-command = "AUTH" SP sasl-mech [SP initial-response] CRLF</c>;
    /// <c>sasl-mech = 1*20(UPPER-ALPHA / DIGIT / HYPHEN / UNDERSCORE)</c>; <c>initial-response = base64 / "="</c>.</summary>
    private static bool ParseAuth(string rest, out SmtpCommand command, out SmtpReply error)
    {
        command = new SmtpCommand(SmtpVerb.Auth);
        var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2 || parts[0].Length > 20 || !parts[0].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            error = new SmtpReply(501, "5.5.4", "Syntax: AUTH mechanism [initial-response]");
            return false;
        }

        command = new SmtpCommand(SmtpVerb.Auth)
        {
            Mechanism = parts[0].ToUpperInvariant(),
            InitialResponse = parts.Length == 2 ? parts[1] : null,
        };
        error = default;
        return true;
    }
}
