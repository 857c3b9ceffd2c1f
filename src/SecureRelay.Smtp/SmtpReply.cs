namespace SecureRelay.Smtp;

/// <summary>An SMTP reply: basic code (RFC 5321 §4.2), enhanced status code (RFC 3463) and text.</summary>
/// <param name="Code">Three-digit reply code, for example 250.</param>
/// <param name="EnhancedCode">Enhanced status code such as <c>2.0.0</c>, or empty when none applies (greeting, EHLO).</param>
/// <param name="Text">Human-readable text; must not contain CR or LF and never holds message content.</param>
public readonly record struct SmtpReply(int Code, string EnhancedCode, string Text)
{
    /// <summary>True for 2xx and 3xx replies.</summary>
    public bool IsPositive => Code < 400;

    /// <summary>True for 4xx replies (the client may try again later).</summary>
    public bool IsTransient => Code is >= 400 and < 500;
}
