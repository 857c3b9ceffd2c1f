using System.Security.Authentication;

namespace SecureRelay.Security.Tls;

/// <summary>What one destination (MX host) offered the last time delivery connected.</summary>
/// <param name="Destination">The MX host (or <c>host:port</c>), normalized by the cache.</param>
/// <param name="StartTlsOffered">True when EHLO advertised STARTTLS.</param>
/// <param name="Protocol">TLS version negotiated, <see cref="SslProtocols.None"/> when no TLS.</param>
/// <param name="LastMethod">How the certificate was last authenticated.</param>
/// <param name="ObservedAt">When this was seen.</param>
public sealed record TlsCapability(
    string Destination, bool StartTlsOffered, SslProtocols Protocol, TlsValidationMethod LastMethod, DateTimeOffset ObservedAt);
