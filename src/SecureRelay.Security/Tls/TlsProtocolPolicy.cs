using System.Security.Authentication;

namespace SecureRelay.Security.Tls;

/// <summary>The TLS versions SecureRelay speaks outbound: 1.2 and 1.3 only (NIST SP 800-52r2).</summary>
public static class TlsProtocolPolicy
{
    /// <summary>Value for <c>SmtpClient.SslProtocols</c> / <c>SslClientAuthenticationOptions.EnabledSslProtocols</c>.</summary>
    public const SslProtocols Allowed = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>True when a negotiated protocol is TLS 1.2 or 1.3.</summary>
    public static bool IsAcceptable(SslProtocols negotiated) => negotiated is SslProtocols.Tls12 or SslProtocols.Tls13;
}
