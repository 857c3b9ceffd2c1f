using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Security.Tls;

/// <summary>
/// The DNS questions recipient TLS needs (MX, TLSA, MTA-STS TXT), each answer tagged with whether the
/// resolver authenticated it (AD bit). Trusting AD presumes a validating resolver on a trusted path,
/// typically on localhost (RFC 7672 §2.1.1).
/// </summary>
internal sealed class TlsDnsLookup(IDnsQuery dns, ILogger logger)
{
    /// <summary>The MX hosts of <paramref name="domain"/> and whether the answer (or its denial) was authenticated; null hosts when the lookup failed.</summary>
    public async Task<(bool Authenticated, IReadOnlyList<string>? Hosts)> QueryMxAsync(string domain, CancellationToken ct)
    {
        var response = await QueryAsync(domain, QueryType.MX, ct).ConfigureAwait(false);
        if (response is null || (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain))
        {
            return (false, null);
        }

        var hosts = response.Answers.MxRecords().Select(mx => HostnameMatcher.Normalize(mx.Exchange.Value)).ToList();
        return (response.Header.IsAuthenticData, hosts);
    }

    /// <summary>
    /// The DANE state of one MX host: null when DANE does not apply (no TLSA, or not authenticated),
    /// usable records, or a lookup failure.
    /// </summary>
    public async Task<DaneHostPolicy?> QueryTlsaAsync(string mxHost, int port, CancellationToken ct)
    {
        var name = $"_{port}._tcp.{mxHost}";
        var response = await QueryAsync(name, QueryType.TLSA, ct).ConfigureAwait(false);
        if (response is null)
        {
            return new DaneHostPolicy(mxHost, [], "no answer");
        }

        if (response.HasError)
        {
            // NXDOMAIN is a (possibly authenticated) denial: no DANE. Anything else under a secure MX
            // set means the host must not be used without DANE (RFC 7672 §2.2).
            return response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain
                ? null
                : new DaneHostPolicy(mxHost, [], response.Header.ResponseCode.ToString());
        }

        var records = response.Answers.OfType<TlsaRecord>().ToList();
        if (records.Count == 0)
        {
            return null;
        }

        if (!response.Header.IsAuthenticData)
        {
            TlsLog.TlsaNotAuthenticated(logger, mxHost);
            return null;
        }

        var usable = records
            .Select(r => new TlsaAssociation((byte)r.CertificateUsage, (byte)r.Selector, (byte)r.MatchingType, r.CertificateAssociationData.ToArray()))
            .Where(a => a.IsUsableForSmtp)
            .ToList();
        // Only unusable records (e.g. PKIX-TA/EE): RFC 7672 §3.1.3 says TLS without authentication.
        return usable.Count == 0 ? null : new DaneHostPolicy(mxHost, usable, null);
    }

    /// <summary>
    /// The <c>id</c> of the single <c>v=STSv1</c> TXT record at <c>_mta-sts.&lt;domain&gt;</c>; null when
    /// there is none, or several (RFC 8461 §3.1: then there is no policy), or the lookup failed.
    /// </summary>
    public async Task<(string? Id, bool LookupFailed)> QueryMtaStsIdAsync(string domain, CancellationToken ct)
    {
        var response = await QueryAsync("_mta-sts." + domain, QueryType.TXT, ct).ConfigureAwait(false);
        if (response is null || (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain))
        {
            return (null, true);
        }

        var sts = response.Answers.TxtRecords()
            .Select(t => string.Concat(t.Text))
            .Where(t => t.StartsWith("v=STSv1", StringComparison.Ordinal))
            .ToList();
        if (sts.Count == 0)
        {
            return (null, false);
        }

        if (sts.Count > 1 || !MtaStsPolicyParser.TryParseTxt(sts[0], out var id))
        {
            TlsLog.MtaStsTxtInvalid(logger, domain);
            return (null, false);
        }

        return (id, false);
    }

    private async Task<IDnsQueryResponse?> QueryAsync(string name, QueryType type, CancellationToken ct)
    {
        try
        {
            return await dns.QueryAsync(name, type, QueryClass.IN, ct).ConfigureAwait(false);
        }
        catch (DnsResponseException e)
        {
            TlsLog.DnsLookupFailed(logger, name, type.ToString(), e.Message);
            return null;
        }
    }
}
