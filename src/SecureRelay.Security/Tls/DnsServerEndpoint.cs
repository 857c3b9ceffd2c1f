using System.Net;

namespace SecureRelay.Security.Tls;

/// <summary>Parses <c>tls.dns_servers</c> entries (<c>ip</c>, <c>ip:port</c>, <c>[v6]:port</c>).</summary>
public static class DnsServerEndpoint
{
    /// <summary>Parses one entry; port 53 when none is given.</summary>
    public static bool TryParse(string text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (IPAddress.TryParse(text, out var bare))
        {
            endpoint = new IPEndPoint(bare, 53);
            return true;
        }

        if (IPEndPoint.TryParse(text, out var parsed) && parsed.Port != 0)
        {
            endpoint = parsed;
            return true;
        }

        return false;
    }
}
