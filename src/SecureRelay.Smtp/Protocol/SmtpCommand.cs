namespace SecureRelay.Smtp.Protocol;

/// <summary>One parsed command line. Holds copies, never references into the input buffer.</summary>
internal sealed class SmtpCommand
{
    public SmtpCommand(SmtpVerb verb) => Verb = verb;

    public SmtpVerb Verb { get; }

    /// <summary>Upper-case verb for logs and metrics (a bounded set).</summary>
    public string Name => Verb switch
    {
        SmtpVerb.BdatLast => "BDAT",
        SmtpVerb.StartTls => "STARTTLS",
        SmtpVerb.Unknown => "UNKNOWN",
        _ => Verb.ToString().ToUpperInvariant(),
    };

    /// <summary>EHLO/HELO domain, VRFY/HELP/NOOP argument.</summary>
    public string? Argument { get; init; }

    /// <summary>MAIL reverse-path or RCPT forward-path mailbox without brackets; empty for <c>&lt;&gt;</c>.</summary>
    public string? Path { get; init; }

    /// <summary>True when <see cref="Path"/> holds non-ASCII characters (needs SMTPUTF8).</summary>
    public bool PathIsInternational { get; init; }

    /// <summary>ESMTP parameters in order, keywords upper-cased; value null when none was given.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Parameters { get; init; } = [];

    /// <summary>BDAT chunk size in bytes.</summary>
    public long ChunkSize { get; init; }

    /// <summary>AUTH mechanism, upper-cased.</summary>
    public string? Mechanism { get; init; }

    /// <summary>AUTH initial response (base64 or "="), or null.</summary>
    public string? InitialResponse { get; init; }
}
