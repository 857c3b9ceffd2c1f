namespace SecureRelay.Security.Encryption;

/// <summary>
/// A message could not be protected as asked (no usable certificate or key for a recipient, or a
/// crypto failure). The delivery layer moves the recipient to its next method; the message is
/// never sent unprotected because of this.
/// </summary>
public sealed class MessageProtectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageProtectionException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MessageProtectionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MessageProtectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the recipients without a usable key.</summary>
    public MessageProtectionException(string message, IReadOnlyList<string> recipientsWithoutKey)
        : base(message)
    {
        RecipientsWithoutKey = recipientsWithoutKey;
    }

    /// <summary>Recipients for which no valid certificate or key was found.</summary>
    public IReadOnlyList<string> RecipientsWithoutKey { get; } = [];
}
