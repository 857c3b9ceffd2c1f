namespace SecureRelay.Smtp;

/// <summary>What the server does with a CR or LF that is not part of a CRLF pair inside message content.</summary>
public enum BareLineEndingHandling
{
    /// <summary>Read to the end of data, then refuse the message with <c>550 5.6.0</c>
    /// (Postfix <c>smtpd_forbid_bare_newline = yes</c>).</summary>
    Reject,
    /// <summary>Replace the bare CR or LF with CRLF. A line that follows a bare line ending can never end
    /// DATA, so smuggling still fails.</summary>
    Normalize,
}
