namespace SecureRelay.Security.Encryption;

/// <summary>
/// How a Web Key Directory lookup failed. The snake_case names (<see cref="KeyRefusalNames"/>) are
/// written into audit records; neither numbers nor names may change.
/// </summary>
public enum WkdFailureKind
{
    /// <summary>The host name does not resolve (<c>no_such_host</c>).</summary>
    NoSuchHost = 0,

    /// <summary>No connection (refused, unreachable) or it failed (TLS, reset, protocol) (<c>connection_failed</c>).</summary>
    ConnectionFailed = 1,

    /// <summary>No answer within <c>timeout_seconds</c> (<c>timeout</c>).</summary>
    Timeout = 2,

    /// <summary>An HTTP status other than 200, 404 or 410 (<c>http_error</c>).</summary>
    HttpError = 3,

    /// <summary>The answer exceeded <c>max_key_bytes</c> (<c>too_large</c>).</summary>
    TooLarge = 4,

    /// <summary>The answer held no readable OpenPGP key (<c>malformed_key</c>).</summary>
    MalformedKey = 5,
}
