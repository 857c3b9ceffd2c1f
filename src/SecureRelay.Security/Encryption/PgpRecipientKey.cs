using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureRelay.Security.Encryption;

/// <summary>A usable PGP public key for one address.</summary>
/// <param name="Address">Lower-cased email address from a user id.</param>
/// <param name="KeyRing">The whole transferable public key.</param>
/// <param name="EncryptionKey">The (sub)key messages are encrypted to: valid, unrevoked, encryption-capable.</param>
/// <param name="Fingerprint">Primary key fingerprint, upper-case hex.</param>
/// <param name="ExpiresAt">When the encryption key expires, if it does.</param>
/// <param name="Source">Where it came from: a file path or <c>wkd</c>.</param>
public sealed record PgpRecipientKey(
    string Address,
    PgpPublicKeyRing KeyRing,
    PgpPublicKey EncryptionKey,
    string Fingerprint,
    DateTimeOffset? ExpiresAt,
    string Source);
