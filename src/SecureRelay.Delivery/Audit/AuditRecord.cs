namespace SecureRelay.Delivery.Audit;

/// <summary>
/// One security receipt: how (and whether) one recipient's copy left the relay. Names, verdicts,
/// fingerprints and short reasons only — never subject or body text.
/// </summary>
public sealed record AuditRecord
{
    /// <summary>When the attempt was recorded.</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>The spool queue id.</summary>
    public required string QueueId { get; init; }

    /// <summary>The envelope recipient.</summary>
    public required string Recipient { get; init; }

    /// <summary>The outcome of this attempt.</summary>
    public required AuditOutcome Outcome { get; init; }

    /// <summary>The delivery method used (<c>smime</c>, <c>tls-verified</c>…), null when none was possible.</summary>
    public string? Method { get; init; }

    /// <summary>Why earlier methods of the recipient's list were not used, e.g. <c>smime: no certificate</c>.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The server as <c>host[ip]:port</c>, or null.</summary>
    public string? Relay { get; init; }

    /// <summary>Negotiated TLS version (<c>Tls13</c>), null without TLS.</summary>
    public string? TlsProtocol { get; init; }

    /// <summary>Negotiated cipher suite, when known.</summary>
    public string? TlsCipher { get; init; }

    /// <summary><c>dane</c>, <c>mta-sts</c>, <c>pkix</c> or <c>none</c>; null without TLS.</summary>
    public string? TlsValidation { get; init; }

    /// <summary>SHA-256 fingerprint of the server certificate.</summary>
    public string? CertificateSha256 { get; init; }

    /// <summary>Thumbprint of the recipient's S/MIME certificate used.</summary>
    public string? SmimeThumbprint { get; init; }

    /// <summary>Fingerprint of the recipient's PGP key used.</summary>
    public string? PgpFingerprint { get; init; }

    /// <summary>Whether the S/MIME or PGP copy was signed.</summary>
    public bool? Signed { get; init; }

    /// <summary>The escrow record id.</summary>
    public string? EscrowId { get; init; }

    /// <summary>Whether the message had to be protected (<c>true</c>/<c>false</c>: PHI or uncertain), or null when not recorded.</summary>
    public string? Phi { get; init; }

    /// <summary>The verdict class from acceptance: <c>clean</c>, <c>uncertain</c> or <c>phi</c>.</summary>
    public string? Verdict { get; init; }

    /// <summary>The message category from acceptance.</summary>
    public string? Category { get; init; }

    /// <summary>The policy rule that decided this recipient.</summary>
    public string? Rule { get; init; }

    /// <summary>RFC 3463 status of the attempt.</summary>
    public string? DsnStatus { get; init; }

    /// <summary>The server reply or local reason (no PHI).</summary>
    public string? Response { get; init; }
}
