namespace SecureRelay.Security.Encryption;

/// <summary>The certificate to encrypt to, or why there is none.</summary>
/// <param name="Certificate">The best usable certificate, or null.</param>
/// <param name="Problem">Why none is usable (null when <paramref name="Certificate"/> is set).</param>
public sealed record SmimeCertificateLookup(SmimeCertificateInfo? Certificate, KeyProblem? Problem);
