namespace SecureRelay.Smtp;

/// <summary>The DSN <c>RET=</c> MAIL parameter (RFC 3461 §4.3). Persisted: values are frozen.</summary>
public enum DsnReturn
{
    /// <summary>Not given by the client.</summary>
    Unspecified = 0,
    /// <summary><c>RET=FULL</c>.</summary>
    Full = 1,
    /// <summary><c>RET=HDRS</c>.</summary>
    Headers = 2,
}
