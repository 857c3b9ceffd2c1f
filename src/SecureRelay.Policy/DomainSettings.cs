namespace SecureRelay.Policy;

/// <summary>Compiled per-domain policy: the TLS requirement, the method list and the size limit the
/// engine applies. Delivery limits per domain live in <c>securerelay.yaml</c> (<c>delivery.domains</c>).</summary>
public sealed record DomainSettings(
    string Domain,
    TlsRequirement RequireTls,
    IReadOnlyList<DeliveryMethod>? Methods,
    long? MaxMessageSize)
{
    /// <summary>Whether this entry applies to <paramref name="domain"/>.</summary>
    public bool Matches(string domain) => AddressPatterns.MatchesDomain(Domain, domain);
}
