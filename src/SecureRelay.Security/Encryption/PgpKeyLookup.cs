namespace SecureRelay.Security.Encryption;

/// <summary>The PGP key to encrypt to, or why there is none.</summary>
/// <param name="Key">The usable key, or null.</param>
/// <param name="Problem">Why none is usable (null when <paramref name="Key"/> is set).</param>
public sealed record PgpKeyLookup(PgpRecipientKey? Key, KeyProblem? Problem);
