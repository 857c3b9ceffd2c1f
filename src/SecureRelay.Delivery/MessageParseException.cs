namespace SecureRelay.Delivery;

/// <summary>
/// Queued content that <see cref="DeliveryMessageParser"/> cannot parse. At DATA it becomes
/// <c>554 5.6.0</c>; for a message already queued, a bounce with status 5.6.0 (retrying cannot help).
/// </summary>
public sealed class MessageParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MessageParseException()
    {
    }

    /// <summary>Creates the exception with the parser's reason (MimeKit's messages quote no content).</summary>
    public MessageParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the parser's reason and its exception.</summary>
    public MessageParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
