namespace SecureRelay.Contracts;

/// <summary>A recipient domain's TLS requirement (<c>require_tls</c>).</summary>
public enum TlsRequirement
{
    /// <summary>No requirement: the method lists apply as written.</summary>
    None = 0,

    /// <summary>STARTTLS required: <c>opportunistic</c> becomes <c>tls</c>.</summary>
    Any = 1,

    /// <summary>Authenticated TLS required: <c>opportunistic</c> and <c>tls</c> become <c>tls-verified</c>.</summary>
    Verified = 2,
}
