using SecureRelay.Delivery.Audit;
using SecureRelay.Security.Dkim;
using SecureRelay.Security.Encryption;
using SecureRelay.Security.Escrow;
using SecureRelay.Security.Tls;

namespace SecureRelay.Delivery;

/// <summary>
/// The optional pieces per-recipient secure delivery uses. A missing piece makes its method
/// impossible (no <see cref="EscrowStore"/> → <c>escrow</c> never chosen), never silently weaker:
/// a recipient whose list has no possible method is deferred. The scheduler does not own (dispose)
/// any of them.
/// </summary>
public sealed record SecureDeliveryServices
{
    /// <summary>Recipient certificates (<c>smime</c> needs this and <see cref="Smime"/>).</summary>
    public SmimeCertificateDirectory? SmimeCertificates { get; init; }

    /// <summary>S/MIME encryption (and optional signing).</summary>
    public SmimeEncryptor? Smime { get; init; }

    /// <summary>PGP/MIME encryption; keys from the key directory, then WKD.</summary>
    public PgpEncryptor? Pgp { get; init; }

    /// <summary>Encrypted store for <c>escrow</c> (needs <see cref="EscrowNotices"/> too).</summary>
    public EscrowStore? Escrow { get; init; }

    /// <summary>Builds the PHI-free notice sent instead of an escrowed message.</summary>
    public EscrowNoticeBuilder? EscrowNotices { get; init; }

    /// <summary>DANE / MTA-STS / PKIX with extra trust anchors for outbound TLS. When null, the
    /// scheduler's <see cref="IOutboundTlsPolicy"/> decides whether a certificate is verified.</summary>
    public RecipientTlsServices? Tls { get; init; }

    /// <summary>DKIM signing, applied last to every outgoing copy.</summary>
    public DkimSigningService? Dkim { get; init; }

    /// <summary>Whether mail an authenticated user submitted may be signed with a key of a domain:
    /// (user, key domain) → allowed. Null: any key. Messages without an authenticated user
    /// (relay networks, the relay's own notices and DSNs) may use any key.</summary>
    public Func<string, string, bool>? MaySignAs { get; init; }

    /// <summary>Append-only security receipts, one per recipient per attempt.</summary>
    public IAuditLog? Audit { get; init; }

    /// <summary>Nothing configured: only the TLS methods and <c>opportunistic</c> are possible.</summary>
    public static SecureDeliveryServices None { get; } = new();
}
