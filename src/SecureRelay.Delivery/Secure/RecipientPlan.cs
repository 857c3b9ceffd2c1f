using SecureRelay.Contracts;
using SecureRelay.Security.Encryption;

namespace SecureRelay.Delivery.Secure;

/// <summary>One recipient's policy (from the message's decision record) and what is possible for it before
/// any connection: certificate, key, escrow.</summary>
internal sealed class RecipientPlan
{
    public required int Index { get; init; }

    public required string Address { get; init; }

    /// <summary>The ordered methods; the first possible one wins.</summary>
    public required IReadOnlyList<DeliveryMethod> Methods { get; init; }

    /// <summary>REQUIRETLS (RFC 8689) from the envelope or the policy.</summary>
    public required bool RequireTls { get; init; }

    /// <summary>The domain's TLS demand for every method.</summary>
    public required TlsRequirement DomainTls { get; init; }

    public required bool SignSmime { get; init; }

    public SmimeCertificateInfo? SmimeCertificate { get; set; }

    /// <summary>Why <see cref="SmimeCertificate"/> is null.</summary>
    public KeyProblem SmimeProblem { get; set; } = KeyProblem.NotConfigured;

    public PgpRecipientKey? PgpKey { get; set; }

    /// <summary>Why <see cref="PgpKey"/> is null.</summary>
    public KeyProblem PgpProblem { get; set; } = KeyProblem.NotConfigured;

    public bool EscrowPossible { get; set; }

    /// <summary>The first method that could work needs a connection (smime, pgp or a TLS method).</summary>
    public bool NeedsTransport { get; set; }

    /// <summary>Every method needs verified TLS.</summary>
    public bool NeedsVerifiedTls => RequireTls || DomainTls == TlsRequirement.Verified;

    /// <summary>Every method needs TLS.</summary>
    public bool NeedsTls => NeedsVerifiedTls || DomainTls == TlsRequirement.Any;
}
