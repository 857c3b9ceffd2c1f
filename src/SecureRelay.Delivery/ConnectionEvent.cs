namespace SecureRelay.Delivery;

/// <summary>An outbound connection opened or closed.</summary>
/// <param name="Destination">Destination key.</param>
/// <param name="Relay">The server as <c>host[ip]:port</c>.</param>
/// <param name="Tls">STARTTLS is in effect.</param>
/// <param name="Messages">Messages sent over it (0 when opening).</param>
public sealed record ConnectionEvent(string Destination, string Relay, bool Tls, int Messages);
