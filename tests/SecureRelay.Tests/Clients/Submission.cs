namespace SecureRelay.Tests.Clients;

/// <summary>One message a client is asked to send, and what the sink must receive. The token is
/// in the subject and the body, so the sink's transaction can be found.</summary>
public sealed record Submission(
    string Client,
    SubmissionKind Kind,
    int Port,
    string Token,
    string Sender,
    string Recipient,
    string Subject,
    string Body,
    string AttachmentName,
    string AttachmentPath,
    byte[] Attachment,
    string EmlPath,
    string WorkDir)
{
    /// <summary>The AUTH user configured in the relay.</summary>
    public const string User = "app";

    /// <summary>Its password.</summary>
    public const string Password = "s3cret-pw";

    /// <summary>True for the STARTTLS + AUTH case.</summary>
    public bool Authenticated => Kind == SubmissionKind.StartTlsAuth;

    /// <summary>True when the recipient has a non-ASCII local part (SMTPUTF8).</summary>
    public bool InternationalRecipient => Recipient.Any(c => c > 127);
}
