namespace SecureRelay.Delivery.Scheduling;

/// <summary>The security facts of one recipient's attempt (no PHI).</summary>
internal sealed record SecurityDetail
{
    /// <summary>The method used, or null when none was possible.</summary>
    public string? Method { get; init; }

    /// <summary>Why earlier methods were not used.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    public string? TlsProtocol { get; init; }

    public string? TlsCipher { get; init; }

    public string? TlsValidation { get; init; }

    public string? CertificateSha256 { get; init; }

    public string? SmimeThumbprint { get; init; }

    public string? PgpFingerprint { get; init; }

    public bool? Signed { get; init; }

    public string? EscrowId { get; init; }

    /// <summary>The recipient was escrowed (the result says Delivered).</summary>
    public bool Escrowed => EscrowId is not null;
}
