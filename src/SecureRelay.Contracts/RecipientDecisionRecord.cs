namespace SecureRelay.Contracts;

/// <summary>What the policy decided for one recipient: how it may be delivered. Names and flags only,
/// never matched text.</summary>
public sealed record RecipientDecisionRecord
{
    /// <summary>The rule that decided (<c>(default)</c> when none matched), or null when not recorded.</summary>
    public string? Rule { get; init; }

    /// <summary>The delivery methods in order of preference: the first the recipient can receive wins.
    /// Empty when not recorded (see <see cref="DecisionRecord.MethodsFor"/>).</summary>
    public IReadOnlyList<DeliveryMethod> Methods { get; init; } = [];

    /// <summary>Sign the S/MIME copy.</summary>
    public bool SignSmime { get; init; }

    /// <summary>REQUIRETLS (RFC 8689) to the next hop, demanded by the policy.</summary>
    public bool RequireTls { get; init; }

    /// <summary>The recipient domain's TLS demand for every method (<c>domains[].require_tls</c>).</summary>
    public TlsRequirement DomainTls { get; init; }
}
