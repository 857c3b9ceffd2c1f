namespace SecureRelay.LoadGen;

/// <summary>The server answered a command with an unexpected reply code.</summary>
internal sealed class SmtpRejectedException : Exception
{
    public SmtpRejectedException()
    {
    }

    public SmtpRejectedException(string message)
        : base(message)
    {
    }

    public SmtpRejectedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
