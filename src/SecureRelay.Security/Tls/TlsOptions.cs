using System.ComponentModel.DataAnnotations;

namespace SecureRelay.Security.Tls;

/// <summary>
/// The <c>tls:</c> section of <c>securerelay.yaml</c> (snake_case keys): how outbound TLS is
/// authenticated (DANE, MTA-STS, PKIX) and how long what was learned is cached.
/// </summary>
public sealed class TlsOptions
{
    /// <summary><c>trust_anchors</c>: PEM file with one or more CA certificates trusted in addition to the system roots (private CAs, tests). Empty = system roots only.</summary>
    [DataType("path")]
    public string TrustAnchors { get; set; } = "";

    /// <summary><c>dns_servers</c>: resolvers as <c>ip</c> or <c>ip:port</c>. Empty = the system resolvers. DANE needs a DNSSEC-validating resolver (it must set the AD bit).</summary>
    public List<string> DnsServers { get; set; } = [];

    /// <summary><c>dns_timeout_seconds</c>: per DNS query.</summary>
    public int DnsTimeoutSeconds { get; set; } = 5;

    /// <summary><c>dane</c>: use DANE TLSA records when the resolver authenticates them.</summary>
    public bool Dane { get; set; } = true;

    /// <summary><c>mta_sts</c>: fetch and honour MTA-STS policies (RFC 8461).</summary>
    public bool MtaSts { get; set; } = true;

    /// <summary><c>mta_sts_fetch_timeout_seconds</c>: total time for one policy fetch, retries included.</summary>
    public int MtaStsFetchTimeoutSeconds { get; set; } = 15;

    /// <summary><c>mta_sts_fetch_retries</c>: extra attempts after a transient failure (connection error, 5xx, attempt timeout).</summary>
    public int MtaStsFetchRetries { get; set; } = 2;

    /// <summary><c>mta_sts_max_policy_bytes</c>: largest policy body accepted (RFC 8461 §3.3 suggests 64 KB).</summary>
    public int MtaStsMaxPolicyBytes { get; set; } = 64 * 1024;

    /// <summary><c>policy_cache_seconds</c>: how long a resolved recipient policy (DNS answers) is reused.</summary>
    public int PolicyCacheSeconds { get; set; } = 300;

    /// <summary><c>policy_cache_max_entries</c>: bound on cached recipient policies and MTA-STS policies.</summary>
    public int PolicyCacheMaxEntries { get; set; } = 10_000;

    /// <summary><c>capability_cache_seconds</c>: how long what an MX offered (STARTTLS, TLS version, method) is remembered.</summary>
    public int CapabilityCacheSeconds { get; set; } = 86_400;

    /// <summary>Checks the values: one (YAML key relative to <c>tls:</c>, message) pair per problem, empty when valid.</summary>
    public IReadOnlyList<(string Key, string Message)> Validate()
    {
        var errors = new List<(string Key, string Message)>();
        for (var i = 0; i < DnsServers.Count; i++)
        {
            if (!DnsServerEndpoint.TryParse(DnsServers[i], out _))
            {
                errors.Add(($"dns_servers[{i}]", $"'{DnsServers[i]}' is not ip or ip:port"));
            }
        }

        Positive(errors, "dns_timeout_seconds", DnsTimeoutSeconds, 60);
        Positive(errors, "mta_sts_fetch_timeout_seconds", MtaStsFetchTimeoutSeconds, 300);
        Positive(errors, "mta_sts_max_policy_bytes", MtaStsMaxPolicyBytes, 1024 * 1024);
        Positive(errors, "policy_cache_seconds", PolicyCacheSeconds, 86_400);
        Positive(errors, "policy_cache_max_entries", PolicyCacheMaxEntries, 10_000_000);
        Positive(errors, "capability_cache_seconds", CapabilityCacheSeconds, 30 * 86_400);
        if (MtaStsFetchRetries is < 0 or > 10)
        {
            errors.Add(("mta_sts_fetch_retries", "must be 0..10"));
        }

        if (TrustAnchors.Length > 0 && !File.Exists(TrustAnchors))
        {
            errors.Add(("trust_anchors", $"file '{TrustAnchors}' does not exist"));
        }

        return errors;
    }

    private static void Positive(List<(string Key, string Message)> errors, string key, int value, int max)
    {
        if (value < 1 || value > max)
        {
            errors.Add((key, $"must be 1..{max}"));
        }
    }
}
