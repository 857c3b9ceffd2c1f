using MailKit;
using MailKit.Net.Smtp;

namespace SecureRelay.Cli;

/// <summary>
/// The command line of <c>sendmail(8)</c> as cron, PHP's <c>mail()</c> and monitoring tools write it,
/// parsed the way Postfix's <c>sendmail</c> does: getopt flags (clustered, <c>-fsender</c> or
/// <c>-f sender</c>), options end at the first recipient or at <c>--</c>. Flags that only tune a
/// local MTA's queue or aliasing are accepted and ignored; modes other than <c>-bm</c> are refused.
/// </summary>
public sealed class SendmailOptions
{
    // Postfix sendmail's getopt string: these letters take an argument, the rest are flags.
    private const string FlagsWithArgument = "BCFLNORVXbefhopr";
    private const string FlagsIgnored = "GIUcmnvx";

    /// <summary><c>-t</c>: recipients from the To, Cc and Bcc headers (added to those given as arguments).</summary>
    public bool ExtractRecipients { get; private set; }

    /// <summary><c>-i</c> or <c>-oi</c>: a line holding a single dot does not end the message.</summary>
    public bool IgnoreDots { get; private set; }

    /// <summary><c>-f</c> / <c>-r</c>: the envelope sender; <c>""</c> for the null sender <c>&lt;&gt;</c>;
    /// null when not given (then the login name at the host name).</summary>
    public string? Sender { get; private set; }

    /// <summary><c>-F</c>: the display name of a From header this program adds.</summary>
    public string? FullName { get; private set; }

    /// <summary><c>-C</c> / <c>--config</c>: the configuration file; null for the default.</summary>
    public string? ConfigFile { get; private set; }

    /// <summary><c>--server host:port</c>: submit there instead of to the configuration's first listener.</summary>
    public string? Server { get; private set; }

    /// <summary><c>-N</c>: DSN NOTIFY for every recipient.</summary>
    public DeliveryStatusNotification? Notify { get; private set; }

    /// <summary><c>-R</c>: DSN RET.</summary>
    public DeliveryStatusNotificationType Return { get; private set; } = DeliveryStatusNotificationType.Unspecified;

    /// <summary><c>-V</c>: DSN ENVID.</summary>
    public string? EnvelopeId { get; private set; }

    /// <summary><c>--help</c>.</summary>
    public bool Help { get; private set; }

    /// <summary>Recipient arguments as given (each may hold a comma-separated list).</summary>
    public IReadOnlyList<string> Recipients { get; private set; } = [];

    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: sendmail [-t] [-i] [-f sender] [-F fullname] [-N dsn] [-R ret] [-V envid] [-C config | --config FILE]\n" +
        "                [--server host:port] [--] [recipient ...]  < message\n" +
        "Submits the message on standard input to the relay (the configuration's first listener, or --server).\n" +
        "Accepted and ignored: -oi is -i; -B, -G, -I, -L, -U, -X, -c, -e, -h, -m, -n, -o*, -O, -p, -v, -x, -bm.";

    /// <summary>Parses <paramref name="args"/> (without the program name).</summary>
    /// <exception cref="SendmailException">With <see cref="SysExits.Usage"/> for a bad or unsupported flag.</exception>
    public static SendmailOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new SendmailOptions();
        var i = 0;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                i++;
                break;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                break; // the first recipient ends the options (Postfix: getopt with "+")
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                i = options.LongOption(args, i);
                continue;
            }

            for (var c = 1; c < arg.Length; c++)
            {
                var flag = arg[c];
                if (FlagsWithArgument.Contains(flag, StringComparison.Ordinal))
                {
                    string value;
                    if (c + 1 < arg.Length)
                    {
                        value = arg[(c + 1)..];
                    }
                    else if (i + 1 < args.Count)
                    {
                        value = args[++i];
                    }
                    else
                    {
                        throw new SendmailException(SysExits.Usage, $"option -{flag} requires an argument");
                    }

                    options.FlagWithArgument(flag, value);
                    break;
                }

                if (flag == 't')
                {
                    options.ExtractRecipients = true;
                }
                else if (flag == 'i')
                {
                    options.IgnoreDots = true;
                }
                else if (flag == 'q')
                {
                    throw new SendmailException(SysExits.Usage, "-q: there is no local queue to run; the relay retries by itself (securerelay queue flush)");
                }
                else if (!FlagsIgnored.Contains(flag, StringComparison.Ordinal))
                {
                    throw new SendmailException(SysExits.Usage, $"unknown option -{flag}");
                }
            }
        }

        options.Recipients = args.Skip(i).ToArray();
        return options;
    }

    private int LongOption(IReadOnlyList<string> args, int i)
    {
        var arg = args[i];
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? arg : arg[..eq];
        if (name == "--help")
        {
            Help = true;
            return i;
        }

        if (name is not ("--config" or "--server"))
        {
            throw new SendmailException(SysExits.Usage, $"unknown option {name}");
        }

        string value;
        if (eq >= 0)
        {
            value = arg[(eq + 1)..];
        }
        else if (i + 1 < args.Count)
        {
            value = args[++i];
        }
        else
        {
            throw new SendmailException(SysExits.Usage, $"option {name} requires an argument");
        }

        if (name == "--config")
        {
            ConfigFile = value;
        }
        else
        {
            Server = value;
        }

        return i;
    }

    private void FlagWithArgument(char flag, string value)
    {
        switch (flag)
        {
            case 'f' or 'r':
                Sender = value is "<>" ? string.Empty : value.Trim().TrimStart('<').TrimEnd('>');
                break;
            case 'F':
                FullName = value;
                break;
            case 'C':
                ConfigFile = value;
                break;
            case 'o':
                // -oi is -i; the other -o settings (-odi, -oem, -oQ...) tune sendmail's own queue.
                if (value == "i")
                {
                    IgnoreDots = true;
                }

                break;
            case 'b':
                if (value != "m")
                {
                    throw new SendmailException(SysExits.Usage, $"-b{value}: only -bm (read a message from standard input) is supported");
                }

                break;
            case 'N':
                Notify = ParseNotify(value);
                break;
            case 'R':
                Return = value.ToLowerInvariant() switch
                {
                    "full" => DeliveryStatusNotificationType.Full,
                    "hdrs" => DeliveryStatusNotificationType.HeadersOnly,
                    _ => throw new SendmailException(SysExits.Usage, $"-R {value}: expected full or hdrs"),
                };
                break;
            case 'V':
                EnvelopeId = value;
                break;
            default:
                // -B (body type: MailKit declares 8BITMIME from the content), -L, -X, -e, -h, -p, -O.
                break;
        }
    }

    private static DeliveryStatusNotification ParseNotify(string value)
    {
        var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts is [var only] && only.Equals("never", StringComparison.OrdinalIgnoreCase))
        {
            return DeliveryStatusNotification.Never;
        }

        var result = DeliveryStatusNotification.Never; // MailKit's Never is 0: no flag set
        foreach (var part in parts)
        {
            result |= part.ToLowerInvariant() switch
            {
                "success" => DeliveryStatusNotification.Success,
                "delay" => DeliveryStatusNotification.Delay,
                "failure" => DeliveryStatusNotification.Failure,
                _ => throw new SendmailException(SysExits.Usage, $"-N {value}: expected never or a list of success, delay, failure"),
            };
        }

        return result != DeliveryStatusNotification.Never ? result
            : throw new SendmailException(SysExits.Usage, $"-N {value}: expected never or a list of success, delay, failure");
    }
}
