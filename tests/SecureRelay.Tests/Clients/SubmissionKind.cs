namespace SecureRelay.Tests.Clients;

/// <summary>The four submissions every client makes.</summary>
public enum SubmissionKind
{
    /// <summary>Plain SMTP from a relay network, no TLS, no AUTH.</summary>
    Plain,

    /// <summary>STARTTLS (self-signed certificate, not verified) then AUTH PLAIN or LOGIN.</summary>
    StartTlsAuth,

    /// <summary>UTF-8 subject and 8-bit body; SMTPUTF8 recipient where the client supports it.</summary>
    Utf8,

    /// <summary>A binary attachment (every byte value).</summary>
    Attachment,
}
