namespace SecureRelay.Delivery;

/// <summary>How outbound SMTP uses TLS.</summary>
public enum OutboundTlsMode
{
    /// <summary>STARTTLS when the server offers it (TLS 1.2+, certificate not checked), else
    /// plaintext — except for REQUIRETLS messages, which are never sent without TLS.</summary>
    Opportunistic = 0,
}
