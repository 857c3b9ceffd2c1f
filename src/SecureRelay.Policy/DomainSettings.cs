namespace SecureRelay.Policy;

/// <summary>Compiled per-domain settings. Delivery reads the limits; the engine applies the TLS
/// requirement, the method list and the size limit.</summary>
public sealed record DomainSettings(
    string Domain,
    TlsRequirement RequireTls,
    IReadOnlyList<DeliveryMethod>? Methods,
    long? MaxMessageSize,
    int? MaxConnections,
    int? MaxMessagesPerMinute,
    int? MaxRecipientsPerMessage)
{
    /// <summary>Whether this entry applies to <paramref name="domain"/>.</summary>
    public bool Matches(string domain) => AddressPatterns.MatchesDomain(Domain, domain);
}
