using System.Net;

namespace SecureRelay.Delivery.Dns;

/// <summary>One SMTP server for a destination.</summary>
/// <param name="Name">Host name (or the IP address as text for literals).</param>
/// <param name="Preference">MX preference (0 for implicit MX and direct hosts).</param>
/// <param name="Addresses">Addresses to try, in order.</param>
public sealed record MxHost(string Name, int Preference, IReadOnlyList<IPAddress> Addresses);
