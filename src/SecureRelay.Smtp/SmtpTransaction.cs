namespace SecureRelay.Smtp;

/// <summary>The envelope of one mail transaction, built from MAIL and RCPT, handed to
/// <see cref="IMessageAcceptor"/>. Created fresh for each MAIL command.</summary>
public sealed class SmtpTransaction
{
    /// <summary>The reverse-path without angle brackets; empty string for the null sender <c>&lt;&gt;</c>.</summary>
    public required string ReversePath { get; init; }

    /// <summary>The <c>SIZE=</c> the client declared, if any.</summary>
    public long? DeclaredSize { get; init; }

    /// <summary>The <c>BODY=</c> parameter.</summary>
    public MessageBodyType BodyType { get; init; }

    /// <summary>The client asked for <c>SMTPUTF8</c>.</summary>
    public bool SmtpUtf8 { get; init; }

    /// <summary>The client asked for <c>REQUIRETLS</c> (RFC 8689).</summary>
    public bool RequireTls { get; init; }

    /// <summary>The DSN <c>RET=</c> parameter.</summary>
    public DsnReturn Return { get; init; }

    /// <summary>The DSN <c>ENVID=</c> parameter, xtext-decoded, or null.</summary>
    public string? EnvelopeId { get; init; }

    /// <summary>Once the content is received (before <see cref="IMessageBodySink.CompleteAsync"/>):
    /// whether a byte ≥ 0x80 occurred and the longest line in octets without CRLF. Null until then.</summary>
    public (bool EightBit, long LongestLine)? ContentShape { get; set; }

    /// <summary>Recipients accepted so far, in order.</summary>
    public List<SmtpRecipient> Recipients { get; } = [];
}
