namespace SecureRelay.Smtp.Protocol;

/// <summary>The commands the server understands. <see cref="BdatLast"/> is <c>BDAT n LAST</c>, kept apart
/// because it moves the state machine differently.</summary>
internal enum SmtpVerb
{
    Unknown,
    Ehlo,
    Helo,
    Mail,
    Rcpt,
    Data,
    Bdat,
    BdatLast,
    Rset,
    Noop,
    Quit,
    Vrfy,
    Help,
    StartTls,
    Auth,
}
