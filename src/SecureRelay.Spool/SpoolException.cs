namespace SecureRelay.Spool;

/// <summary>The spool could not complete an operation. The SMTP layer answers
/// <c>451 4.3.0</c> (or <c>452 4.3.1</c> when <see cref="IsOutOfSpace"/>), so the client retries.</summary>
public sealed class SpoolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SpoolException(string message, bool isOutOfSpace = false, Exception? innerException = null)
        : base(message, innerException) => IsOutOfSpace = isOutOfSpace;

    /// <summary>The failure was lack of disk space.</summary>
    public bool IsOutOfSpace { get; }
}
