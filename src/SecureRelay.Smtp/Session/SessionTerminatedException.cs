namespace SecureRelay.Smtp.Session;

/// <summary>The session decided to close (timeout, too many errors); the 421 reply has already been sent.</summary>
internal sealed class SessionTerminatedException : Exception
{
    public SessionTerminatedException(string reason)
        : base(reason)
    {
    }

    public SessionTerminatedException()
    {
    }

    public SessionTerminatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
