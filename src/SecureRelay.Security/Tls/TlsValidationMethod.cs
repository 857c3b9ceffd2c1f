namespace SecureRelay.Security.Tls;

/// <summary>How a server certificate was authenticated; persisted in audit receipts, so values are frozen.</summary>
public enum TlsValidationMethod
{
    /// <summary>Not authenticated.</summary>
    None = 0,

    /// <summary>Chain to a trusted root plus hostname match.</summary>
    Pkix = 1,

    /// <summary>MTA-STS <c>enforce</c>: MX listed in the policy plus PKIX with hostname match.</summary>
    MtaSts = 2,

    /// <summary>DANE: matched a DNSSEC-authenticated TLSA record.</summary>
    Dane = 3,
}
