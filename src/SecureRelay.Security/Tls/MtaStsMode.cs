namespace SecureRelay.Security.Tls;

/// <summary>The <c>mode</c> of an MTA-STS policy (RFC 8461 §3.2).</summary>
public enum MtaStsMode
{
    /// <summary><c>none</c>: the domain withdrew its policy.</summary>
    None = 0,

    /// <summary><c>testing</c>: report failures, deliver anyway.</summary>
    Testing = 1,

    /// <summary><c>enforce</c>: do not deliver to an MX that fails.</summary>
    Enforce = 2,
}
