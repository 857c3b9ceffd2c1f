namespace SecureRelay.Delivery.Routing;

/// <summary>The compiled transport map: first matching route wins; no match means an MX lookup of
/// the recipient domain.</summary>
public sealed class RouteTable
{
    private readonly List<(string[] Patterns, NextHop Hop)> _routes = [];
    private readonly int _defaultPort;

    /// <summary>Compiles the routes.</summary>
    /// <exception cref="FormatException">A pattern or next hop is invalid.</exception>
    public RouteTable(IEnumerable<DeliveryRoute> routes, int defaultPort)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _defaultPort = defaultPort;
        foreach (DeliveryRoute route in routes)
        {
            if (route.Domains.Count == 0)
            {
                throw new FormatException($"route to '{route.NextHop}' has no domains");
            }

            string[] patterns = route.Domains.Select(p => p.Trim().TrimEnd('.').ToLowerInvariant()).ToArray();
            foreach (string p in patterns)
            {
                string bare = p.StartsWith("*.", StringComparison.Ordinal) ? p[2..] : p;
                if (p != "*" && (bare.Length == 0 || bare.Contains('*', StringComparison.Ordinal)))
                {
                    throw new FormatException($"route domain pattern '{p}': use 'example.com', '*.example.com' or '*'");
                }
            }

            _routes.Add((patterns, NextHop.Parse(route.NextHop, defaultPort)));
        }
    }

    /// <summary>The next hop for a recipient domain.</summary>
    public NextHop Resolve(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        string d = domain.TrimEnd('.').ToLowerInvariant();
        foreach ((string[] patterns, NextHop hop) in _routes)
        {
            foreach (string p in patterns)
            {
                if (Matches(p, d))
                {
                    return hop;
                }
            }
        }

        return NextHop.ForDomain(d, _defaultPort);
    }

    private static bool Matches(string pattern, string domain)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            // "*.example.com" matches sub.example.com but not example.com itself (Postfix's ".example.com").
            return domain.Length > pattern.Length - 1 && domain.EndsWith(pattern.AsSpan(1), StringComparison.Ordinal);
        }

        return domain == pattern;
    }
}
