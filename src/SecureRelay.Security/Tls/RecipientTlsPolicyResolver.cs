using System.Collections.Concurrent;
using DnsClient;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureRelay.Security.Tls;

/// <summary>
/// Resolves the <see cref="RecipientTlsPolicy"/> of a destination: DANE (authenticated MX set and
/// TLSA records per MX host), else MTA-STS (TXT + HTTPS policy, cached until <c>max_age</c> and
/// refreshed when the TXT <c>id</c> changes), else none. Results are cached per destination for
/// <c>tls.policy_cache_seconds</c>. Thread-safe.
/// </summary>
public sealed class RecipientTlsPolicyResolver
{
    private readonly TlsDnsLookup _dns;
    private readonly MtaStsPolicyFetcher? _fetcher;
    private readonly TlsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, RecipientTlsPolicy> _policies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (MtaStsPolicy Policy, DateTimeOffset Expires)> _mtaSts = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver.</summary>
    /// <param name="dns">Usually <see cref="CreateLookupClient"/>.</param>
    /// <param name="fetcher">MTA-STS policy fetcher; null disables MTA-STS.</param>
    /// <param name="options">The <c>tls:</c> options.</param>
    /// <param name="time">Clock for cache expiry.</param>
    /// <param name="logger">Logger.</param>
    public RecipientTlsPolicyResolver(
        IDnsQuery dns, MtaStsPolicyFetcher? fetcher, TlsOptions options, TimeProvider? time = null, ILogger<RecipientTlsPolicyResolver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dns);
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _dns = new TlsDnsLookup(dns, _logger);
        _fetcher = options.MtaSts ? fetcher : null;
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// A DnsClient <see cref="LookupClient"/> for <c>tls.dns_servers</c> (system resolvers when empty),
    /// asking for DNSSEC records (DO bit) so a validating resolver reports AD.
    /// </summary>
    public static LookupClient CreateLookupClient(TlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var servers = options.DnsServers.Select(s => DnsServerEndpoint.TryParse(s, out var ep)
            ? new NameServer(ep)
            : throw new ArgumentException($"tls.dns_servers: '{s}' is not ip or ip:port", nameof(options))).ToArray();
        var lookupOptions = servers.Length > 0 ? new LookupClientOptions(servers) : new LookupClientOptions();
        lookupOptions.Timeout = TimeSpan.FromSeconds(options.DnsTimeoutSeconds);
        lookupOptions.Retries = 1;
        lookupOptions.UseCache = true;
        lookupOptions.RequestDnsSecRecords = true;
        lookupOptions.ThrowDnsErrors = false;
        lookupOptions.UseTcpFallback = true;
        lookupOptions.ContinueOnDnsError = false;
        return new LookupClient(lookupOptions);
    }

    /// <summary>
    /// The policy for <paramref name="domain"/> whose MX hosts (from delivery's MX lookup, or the domain
    /// itself for an implicit MX) are <paramref name="mxHosts"/>. Never throws for DNS or HTTP failures:
    /// they degrade to "no policy" except where the RFCs demand failing closed (TLSA lookup failure
    /// under an authenticated MX set).
    /// </summary>
    /// <param name="domain">The destination domain.</param>
    /// <param name="mxHosts">The MX hosts delivery will try.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <param name="port">The SMTP port, which names the TLSA record (<c>_25._tcp.mx</c>).</param>
    public async Task<RecipientTlsPolicy> ResolveAsync(
        string domain, IReadOnlyList<string> mxHosts, CancellationToken cancellationToken, int port = 25)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentNullException.ThrowIfNull(mxHosts);
        domain = HostnameMatcher.Normalize(domain);
        var hosts = mxHosts.Select(HostnameMatcher.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var key = $"{domain}|{port}|{string.Join(',', hosts)}";
        var now = _time.GetUtcNow();
        if (_policies.TryGetValue(key, out var cached) && cached.ExpiresAt > now)
        {
            return cached;
        }

        var dane = _options.Dane ? await ResolveDaneAsync(domain, hosts, port, cancellationToken).ConfigureAwait(false) : ([], false);
        var mtaSts = _fetcher is null ? null : await ResolveMtaStsAsync(domain, cancellationToken).ConfigureAwait(false);
        var policy = new RecipientTlsPolicy(domain, dane.MxAuthenticated, dane.Hosts, mtaSts, now, now.AddSeconds(_options.PolicyCacheSeconds));
        TlsLog.PolicyResolved(_logger, domain, policy.Mode, policy.MxAuthenticated);
        Store(_policies, key, policy, p => p.ExpiresAt, now);
        return policy;
    }

    /// <summary>Forgets everything cached for <paramref name="domain"/> (e.g. after an operator fix).</summary>
    public void Invalidate(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        domain = HostnameMatcher.Normalize(domain);
        _mtaSts.TryRemove(domain, out _);
        foreach (var key in _policies.Keys.Where(k => k.StartsWith(domain + "|", StringComparison.Ordinal)))
        {
            _policies.TryRemove(key, out _);
        }
    }

    private async Task<(List<DaneHostPolicy> Hosts, bool MxAuthenticated)> ResolveDaneAsync(
        string domain, List<string> hosts, int port, CancellationToken ct)
    {
        var (authenticated, mx) = await _dns.QueryMxAsync(domain, ct).ConfigureAwait(false);
        if (!authenticated || mx is null)
        {
            return ([], false);
        }

        // Only hosts that the authenticated MX set names (or the domain itself, for an implicit MX)
        // get DANE: a host reached some other way carries no DNSSEC-backed binding to the domain.
        var secureHosts = mx.Count > 0 ? mx.ToHashSet(StringComparer.Ordinal) : [domain];
        var result = new List<DaneHostPolicy>();
        foreach (var host in hosts.Where(secureHosts.Contains))
        {
            var state = await _dns.QueryTlsaAsync(host, port, ct).ConfigureAwait(false);
            if (state is not null)
            {
                result.Add(state);
            }
        }

        return (result, true);
    }

    private async Task<MtaStsPolicy?> ResolveMtaStsAsync(string domain, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        MtaStsPolicy? cached = _mtaSts.TryGetValue(domain, out var entry) && entry.Expires > now ? entry.Policy : null;
        var (id, lookupFailed) = await _dns.QueryMtaStsIdAsync(domain, ct).ConfigureAwait(false);
        if (id is null)
        {
            // RFC 8461 §5.1: a missing or unreadable TXT record does not cancel an unexpired cached policy.
            return lookupFailed || cached is not null ? cached : null;
        }

        if (cached is not null && cached.Id == id)
        {
            return cached;
        }

        var fetched = await _fetcher!.FetchAsync(domain, id, ct).ConfigureAwait(false);
        if (fetched.Policy is null)
        {
            if (cached is not null)
            {
                TlsLog.MtaStsUsingCached(_logger, domain, cached.Id);
            }

            return cached;
        }

        var policy = fetched.Policy;
        TlsLog.MtaStsPolicyCached(_logger, domain, id, policy.Mode, policy.MaxAgeSeconds);
        Store(_mtaSts, domain, (Policy: policy, Expires: now.AddSeconds(policy.MaxAgeSeconds)), e => e.Expires, now);
        return policy;
    }

    /// <summary>Adds to a bounded cache: expired entries go first; when still full, the entry is not cached.</summary>
    private void Store<T>(ConcurrentDictionary<string, T> cache, string key, T value, Func<T, DateTimeOffset> expires, DateTimeOffset now)
    {
        if (cache.Count >= _options.PolicyCacheMaxEntries && !cache.ContainsKey(key))
        {
            foreach (var item in cache.Where(kv => expires(kv.Value) <= now).ToList())
            {
                cache.TryRemove(item.Key, out _);
            }

            if (cache.Count >= _options.PolicyCacheMaxEntries)
            {
                return;
            }
        }

        cache[key] = value;
    }
}
