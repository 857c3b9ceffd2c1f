namespace SecureRelay.Security.Tls;

/// <summary>
/// What DANE says about one MX host: its usable, DNSSEC-authenticated TLSA records, or why the
/// lookup failed. Either makes DANE mandatory for the host (RFC 7672 §2.2: a failed TLSA lookup
/// under a secure MX set means "do not use this host", never "send without authentication").
/// </summary>
/// <param name="MxHost">The MX hostname (normalized).</param>
/// <param name="Records">Usable TLSA records (usage 2/3); empty when the lookup failed.</param>
/// <param name="LookupFailure">Why the TLSA lookup failed, or null.</param>
public sealed record DaneHostPolicy(string MxHost, IReadOnlyList<TlsaAssociation> Records, string? LookupFailure);
