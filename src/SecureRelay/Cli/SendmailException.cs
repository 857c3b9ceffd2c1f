namespace SecureRelay.Cli;

/// <summary>Why <c>securerelay sendmail</c> gives up: the text for standard error and the
/// <see cref="SysExits"/> code to exit with.</summary>
public sealed class SendmailException : Exception
{
    /// <summary>Creates the failure.</summary>
    public SendmailException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates the failure with its cause.</summary>
    public SendmailException(int exitCode, string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>Creates an <see cref="SysExits.Software"/> failure (required by the exception pattern).</summary>
    public SendmailException()
        : this(SysExits.Software, "sendmail failed")
    {
    }

    /// <summary>Creates an <see cref="SysExits.Software"/> failure (required by the exception pattern).</summary>
    public SendmailException(string message)
        : this(SysExits.Software, message)
    {
    }

    /// <summary>Creates an <see cref="SysExits.Software"/> failure (required by the exception pattern).</summary>
    public SendmailException(string message, Exception innerException)
        : this(SysExits.Software, message, innerException)
    {
    }

    /// <summary>The process exit code (<see cref="SysExits"/>).</summary>
    public int ExitCode { get; }
}
