namespace SecureRelay.Smtp;

/// <summary>The DSN <c>NOTIFY=</c> RCPT parameter (RFC 3461 §4.1). Persisted: values are frozen.</summary>
[Flags]
public enum DsnNotify
{
    /// <summary>Not given: the default (failure and delay) applies.</summary>
    Unspecified = 0,
    /// <summary><c>NOTIFY=NEVER</c>.</summary>
    Never = 1,
    /// <summary><c>SUCCESS</c>.</summary>
    Success = 2,
    /// <summary><c>FAILURE</c>.</summary>
    Failure = 4,
    /// <summary><c>DELAY</c>.</summary>
    Delay = 8,
}
