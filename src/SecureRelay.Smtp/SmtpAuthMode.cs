namespace SecureRelay.Smtp;

/// <summary>Whether a listener offers or demands SMTP AUTH (RFC 4954).</summary>
public enum SmtpAuthMode
{
    /// <summary>AUTH is not offered.</summary>
    None,
    /// <summary>AUTH is offered (after TLS); clients in relay networks may relay without it.</summary>
    Optional,
    /// <summary>MAIL is refused with <c>530 5.7.0</c> until the client has authenticated.</summary>
    Required,
}
