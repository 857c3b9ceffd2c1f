using System.Globalization;
using System.Net;

namespace SecureRelay.Delivery.Routing;

/// <summary>Where a group of recipients is sent: a host to connect to directly, or a domain whose MX
/// records name the hosts.</summary>
/// <param name="Host">Host name, IP address, or the domain for MX lookups.</param>
/// <param name="Port">TCP port.</param>
/// <param name="UseMx">Look up MX records of <paramref name="Host"/> (else connect to it directly).</param>
public sealed record NextHop(string Host, int Port, bool UseMx)
{
    /// <summary>The destination key: the unit of queues, throttles and metrics labels.</summary>
    public string Key => UseMx ? Host : Host + ":" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a route's next hop: <c>host:port</c> or <c>[ip]:port</c> connect directly,
    /// <c>[ip]</c> connects to the default port, a bare <c>host</c> means an MX lookup of that host.</summary>
    /// <exception cref="FormatException">The text is not a valid next hop.</exception>
    public static NextHop Parse(string text, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(text);
        string s = text.Trim();
        if (s.Length == 0)
        {
            throw new FormatException("next hop is empty");
        }

        if (s[0] == '[')
        {
            int close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(s.AsSpan(1, close - 1), out IPAddress? ip))
            {
                throw new FormatException($"next hop '{text}': expected [ip] or [ip]:port");
            }

            int port = close == s.Length - 1 ? defaultPort : ParsePort(text, s[(close + 1)..], requireColon: true);
            return new NextHop(ip.ToString(), port, UseMx: false);
        }

        int colon = s.LastIndexOf(':');
        if (colon >= 0)
        {
            if (s.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                throw new FormatException($"next hop '{text}': write IPv6 addresses as [ip]:port");
            }

            string host = s[..colon];
            ValidateHost(text, host);
            return new NextHop(host.ToLowerInvariant(), ParsePort(text, s[colon..], requireColon: true), UseMx: false);
        }

        ValidateHost(text, s);
        return new NextHop(s.ToLowerInvariant().TrimEnd('.'), defaultPort, UseMx: true);
    }

    /// <summary>The next hop for a recipient domain with no route: its MX records.</summary>
    public static NextHop ForDomain(string domain, int defaultPort) =>
        new(domain.ToLowerInvariant().TrimEnd('.'), defaultPort, UseMx: true);

    private static int ParsePort(string text, string rest, bool requireColon)
    {
        if (requireColon && (rest.Length < 2 || rest[0] != ':'))
        {
            throw new FormatException($"next hop '{text}': expected ':port'");
        }

        if (!int.TryParse(rest.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new FormatException($"next hop '{text}': port must be 1-65535");
        }

        return port;
    }

    private static void ValidateHost(string text, string host)
    {
        if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            throw new FormatException($"next hop '{text}': '{host}' is not a host name");
        }
    }
}
