namespace SecureRelay.Smtp.Protocol;

/// <summary>Where a session is in the SMTP dialogue (RFC 5321 §4.1.4 command ordering).</summary>
internal enum SmtpState
{
    /// <summary>Before EHLO/HELO, and again after STARTTLS.</summary>
    Initial,
    /// <summary>Greeted; no mail transaction.</summary>
    Ready,
    /// <summary>MAIL accepted, no recipient yet.</summary>
    MailFrom,
    /// <summary>At least one RCPT accepted.</summary>
    RcptTo,
    /// <summary>BDAT chunks received, BDAT LAST not yet.</summary>
    Chunking,
}
