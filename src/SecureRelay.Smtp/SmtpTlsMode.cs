namespace SecureRelay.Smtp;

/// <summary>How a listener offers TLS.</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain text only; STARTTLS is not offered.</summary>
    None,
    /// <summary>STARTTLS is offered (RFC 3207).</summary>
    StartTls,
    /// <summary>TLS from the first byte (RFC 8314, port 465).</summary>
    Implicit,
}
