using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace SecureRelay.Delivery.Dns;

/// <summary>
/// <see cref="IMxResolver"/> on DnsClient. Answers are cached by DnsClient for their TTL. MX hosts are
/// ordered by preference with a random order among equal preferences (RFC 5321 §5.1); a domain with no
/// MX falls back to its own A/AAAA (implicit MX); a null MX (<c>0 .</c>, RFC 7505) and NXDOMAIN are
/// permanent; SERVFAIL and timeouts are temporary.
/// </summary>
public sealed class DnsMxResolver : IMxResolver
{
    /// <summary>Most MX hosts tried per destination (Postfix's smtp_mx_address_limit spirit).</summary>
    private const int MaxHosts = 10;

    private readonly IDnsQuery _dns;

    /// <summary>Creates the resolver for the configured servers (system resolvers when none).</summary>
    public DnsMxResolver(DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IPEndPoint[] servers = options.DnsServers.Select(ParseServer).ToArray();
        LookupClientOptions lookup = servers.Length > 0 ? new LookupClientOptions(servers) : new LookupClientOptions();
        lookup.UseCache = true;
        lookup.Timeout = options.DnsTimeout;
        lookup.Retries = 1;
        lookup.ThrowDnsErrors = false;
        // NXDOMAIN from one server is an answer, not a reason to ask the next one.
        lookup.ContinueOnDnsError = false;
        lookup.UseTcpFallback = true;
        _dns = new LookupClient(lookup);
    }

    /// <summary>Creates the resolver over any DnsClient query implementation.</summary>
    public DnsMxResolver(IDnsQuery dns) => _dns = dns ?? throw new ArgumentNullException(nameof(dns));

    /// <inheritdoc />
    public async ValueTask<MxResolution> ResolveAsync(string name, bool useMx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (IPAddress.TryParse(name, out IPAddress? literal))
        {
            return new MxResolution(MxStatus.Ok, [new MxHost(literal.ToString(), 0, [literal])], null);
        }

        if (!useMx)
        {
            // A routed next hop (smarthost, "host:port") may live only in /etc/hosts: when DNS says
            // the name does not exist, ask the system resolver too (Postfix: smtp_host_lookup = dns, native).
            MxResolution direct = await ResolveAddressesAsHostAsync(name, cancellationToken).ConfigureAwait(false);
            return direct.Status == MxStatus.NoSuchDomain
                ? await ResolveWithSystemAsync(name, direct, cancellationToken).ConfigureAwait(false)
                : direct;
        }

        IDnsQueryResponse mx;
        try
        {
            mx = await _dns.QueryAsync(name, QueryType.MX, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsResponseException ex)
        {
            return MxResolution.Failed(MxStatus.TemporaryFailure, $"MX lookup for {name}: {ex.Code}");
        }

        MxStatus? failure = Classify(mx);
        if (failure is { } f)
        {
            return MxResolution.Failed(f, $"MX lookup for {name}: {mx.Header.ResponseCode}");
        }

        List<MxRecord> records = mx.Answers.MxRecords().ToList();
        if (records.Count == 0)
        {
            // RFC 5321 §5.1: no MX records, so the domain itself is the implicit MX.
            MxResolution implicitMx = await ResolveAddressesAsHostAsync(name, cancellationToken).ConfigureAwait(false);
            return implicitMx.Status == MxStatus.Ok || implicitMx.Status == MxStatus.TemporaryFailure
                ? implicitMx
                : MxResolution.Failed(MxStatus.NoSuchDomain, $"{name} has no MX and no address records");
        }

        if (records.Any(r => r.Exchange.Value is "." or ""))
        {
            return MxResolution.Failed(MxStatus.NullMx, $"{name} publishes a null MX (RFC 7505)");
        }

        List<(int Preference, string Host)> ordered = OrderByPreference(
            records.Select(r => ((int)r.Preference, r.Exchange.Value.TrimEnd('.'))), Random.Shared);
        var hosts = new List<MxHost>();
        string? lastError = null;
        bool temporary = false;
        foreach ((int pref, string host) in ordered.Take(MaxHosts))
        {
            List<IPAddress> glue = mx.Additionals.OfType<AddressRecord>()
                .Where(a => string.Equals(a.DomainName.Value.TrimEnd('.'), host, StringComparison.OrdinalIgnoreCase))
                .Select(a => a.Address).ToList();
            (List<IPAddress> addresses, MxStatus status, string? error) = glue.Count > 0
                ? (glue, MxStatus.Ok, null)
                : await LookupAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            if (addresses.Count > 0)
            {
                hosts.Add(new MxHost(host, pref, addresses));
            }
            else
            {
                lastError = error;
                temporary |= status == MxStatus.TemporaryFailure;
            }
        }

        if (hosts.Count > 0)
        {
            return new MxResolution(MxStatus.Ok, hosts, null);
        }

        // Every MX host failed to resolve: retry later if any failure was temporary, else it is a
        // permanent misconfiguration of the domain.
        return MxResolution.Failed(temporary ? MxStatus.TemporaryFailure : MxStatus.NoSuchDomain,
            lastError ?? $"no address for any MX host of {name}");
    }

    private static async ValueTask<MxResolution> ResolveWithSystemAsync(string name, MxResolution dnsAnswer, CancellationToken cancellationToken)
    {
        try
        {
            IPAddress[] addresses = await System.Net.Dns.GetHostAddressesAsync(name, cancellationToken).ConfigureAwait(false);
            return addresses.Length > 0 ? new MxResolution(MxStatus.Ok, [new MxHost(name, 0, addresses)], null) : dnsAnswer;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return dnsAnswer;
        }
    }

    /// <summary>Orders MX records by preference, shuffling hosts of equal preference so load spreads
    /// across them (RFC 5321 §5.1).</summary>
    public static List<(int Preference, string Host)> OrderByPreference(IEnumerable<(int Preference, string Host)> records, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return records
            .DistinctBy(r => r.Host.ToLowerInvariant())
            .Select(r => (r.Preference, r.Host, Tiebreak: random.Next()))
            .OrderBy(r => r.Preference).ThenBy(r => r.Tiebreak)
            .Select(r => (r.Preference, r.Host))
            .ToList();
    }

    private async Task<MxResolution> ResolveAddressesAsHostAsync(string host, CancellationToken cancellationToken)
    {
        (List<IPAddress> addresses, MxStatus status, string? error) = await LookupAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        return addresses.Count > 0
            ? new MxResolution(MxStatus.Ok, [new MxHost(host, 0, addresses)], null)
            : MxResolution.Failed(status, error ?? $"no address for {host}");
    }

    private async Task<(List<IPAddress> Addresses, MxStatus Status, string? Error)> LookupAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = new List<IPAddress>();
        MxStatus status = MxStatus.NoSuchDomain;
        string? error = null;
        foreach (QueryType type in (QueryType[])[QueryType.A, QueryType.AAAA])
        {
            try
            {
                IDnsQueryResponse r = await _dns.QueryAsync(host, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
                MxStatus? failure = Classify(r);
                if (failure is { } f)
                {
                    error = $"{type} lookup for {host}: {r.Header.ResponseCode}";
                    if (f == MxStatus.TemporaryFailure)
                    {
                        status = f;
                    }

                    continue;
                }

                addresses.AddRange(r.Answers.OfType<AddressRecord>().Select(a => a.Address)
                    .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6));
            }
            catch (DnsResponseException ex)
            {
                status = MxStatus.TemporaryFailure;
                error = string.Create(CultureInfo.InvariantCulture, $"{type} lookup for {host}: {ex.Code}");
            }
        }

        if (addresses.Count > 0)
        {
            return (addresses, MxStatus.Ok, null);
        }

        return (addresses, status, error ?? $"no A/AAAA records for {host}");
    }

    private static MxStatus? Classify(IDnsQueryResponse response) => response.Header.ResponseCode switch
    {
        DnsHeaderResponseCode.NoError => null,
        DnsHeaderResponseCode.NotExistentDomain => MxStatus.NoSuchDomain,
        _ => MxStatus.TemporaryFailure,
    };

    private static IPEndPoint ParseServer(string text)
    {
        if (IPEndPoint.TryParse(text, out IPEndPoint? ep))
        {
            return ep.Port == 0 ? new IPEndPoint(ep.Address, 53) : ep;
        }

        throw new FormatException($"dns server '{text}': expected ip or ip:port");
    }
}
