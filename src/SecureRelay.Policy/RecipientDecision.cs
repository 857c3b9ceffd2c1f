namespace SecureRelay.Policy;

/// <summary>The policy outcome for one recipient.</summary>
/// <param name="Recipient">The envelope recipient.</param>
/// <param name="RuleName">The matching rule, or <c>(default)</c>.</param>
/// <param name="Methods">Delivery methods in order (empty when rejected).</param>
/// <param name="Rejection">The refusal for this recipient, or null.</param>
/// <param name="Hold">Quarantine for an admin.</param>
/// <param name="SignSmime">Sign with S/MIME.</param>
/// <param name="RequireTls">REQUIRETLS (RFC 8689) to the next hop.</param>
/// <param name="Domain">The recipient domain's settings, or null.</param>
public sealed record RecipientDecision(
    string Recipient,
    string RuleName,
    IReadOnlyList<DeliveryMethod> Methods,
    PolicyRejection? Rejection,
    bool Hold,
    bool SignSmime,
    bool RequireTls,
    DomainSettings? Domain);
