namespace SecureRelay.Security.Tls;

/// <summary>The outcome of validating one server certificate against a <see cref="RecipientTlsPolicy"/>.</summary>
/// <param name="IsVerified">True when the certificate was authenticated by <paramref name="Method"/>.</param>
/// <param name="Method">How it was authenticated (<see cref="TlsValidationMethod.None"/> when not).</param>
/// <param name="PolicyMode">The policy mode the MX host was under.</param>
/// <param name="Reason">Short, PHI-free explanation for logs and audit.</param>
/// <param name="CertificateSha256">SHA-256 fingerprint of the leaf certificate, or null when none was presented.</param>
public sealed record TlsValidationResult(
    bool IsVerified,
    TlsValidationMethod Method,
    RecipientTlsMode PolicyMode,
    string Reason,
    string? CertificateSha256)
{
    /// <summary>
    /// True when the policy forbids using the connection unless verified (DANE, MTA-STS <c>enforce</c>).
    /// </summary>
    public bool PolicyRequiresVerification => PolicyMode is RecipientTlsMode.DaneRequired or RecipientTlsMode.MtaStsEnforce;

    /// <summary>
    /// Whether the handshake may proceed: a verified certificate always may; an unverified one only when
    /// neither the policy nor the delivery method (<paramref name="requireVerified"/>, i.e. <c>tls-verified</c>) demands verification.
    /// </summary>
    public bool IsAcceptable(bool requireVerified) => IsVerified || (!PolicyRequiresVerification && !requireVerified);
}
