using MimeKit;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureRelay.Security.Encryption;

/// <summary>Decides whether a public key ring can receive encrypted mail now, and for which addresses.</summary>
internal static class PgpKeyEvaluator
{
    private const int MinimumBits = 2048;
    private const int EncryptFlags = Org.BouncyCastle.Bcpg.Sig.KeyFlags.EncryptComms | Org.BouncyCastle.Bcpg.Sig.KeyFlags.EncryptStorage;

    /// <summary>Upper-case hex fingerprint of the primary key.</summary>
    public static string Fingerprint(PgpPublicKeyRing ring) => Convert.ToHexString(ring.GetPublicKey().GetFingerprint());

    /// <summary>Lower-cased addresses of the ring's user ids.</summary>
    public static List<string> Addresses(PgpPublicKeyRing ring)
    {
        var result = new List<string>();
        foreach (var userId in ring.GetPublicKey().GetUserIds())
        {
            if (MailboxAddress.TryParse(userId, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                var address = mailbox.Address.ToLowerInvariant();
                if (!result.Contains(address))
                {
                    result.Add(address);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The newest encryption-capable (sub)key that is neither revoked, expired nor weak, provided the
    /// primary key itself is neither revoked nor expired; otherwise null with the reason (for a ring
    /// whose encryption subkeys are all unusable, the reason of the first kind found: expired,
    /// revoked, weak).
    /// </summary>
    public static PgpPublicKey? EncryptionKey(PgpPublicKeyRing ring, DateTimeOffset now, out RecipientKeyRefusal reason)
    {
        var primary = ring.GetPublicKey();
        if (primary.HasRevocation())
        {
            reason = RecipientKeyRefusal.Revoked;
            return null;
        }

        if (IsExpired(primary, now))
        {
            reason = RecipientKeyRefusal.Expired;
            return null;
        }

        PgpPublicKey? best = null;
        bool expired = false, revoked = false, weak = false;
        foreach (var key in ring.GetPublicKeys())
        {
            if (!key.IsEncryptionKey || !FlagsAllow(key, EncryptFlags))
            {
                continue;
            }

            if (!key.IsMasterKey && key.HasRevocation())
            {
                revoked = true;
                continue;
            }

            if (IsExpired(key, now))
            {
                expired = true;
                continue;
            }

            if (IsWeak(key))
            {
                weak = true;
                continue;
            }

            if (best is null || (best.IsMasterKey && !key.IsMasterKey) || (best.IsMasterKey == key.IsMasterKey && key.CreationTime > best.CreationTime))
            {
                best = key;
            }
        }

        reason = best is not null ? default
            : expired ? RecipientKeyRefusal.Expired
            : revoked ? RecipientKeyRefusal.Revoked
            : weak ? RecipientKeyRefusal.WeakKey
            : RecipientKeyRefusal.NoEncryptionSubkey;
        return best;
    }

    /// <summary>RSA and ElGamal below 2048 bits are refused (NIST SP 800-57: 112-bit security);
    /// elliptic-curve keys carry their strength in the curve.</summary>
    private static bool IsWeak(PgpPublicKey key) =>
        key.Algorithm is PublicKeyAlgorithmTag.RsaGeneral or PublicKeyAlgorithmTag.RsaEncrypt or PublicKeyAlgorithmTag.ElGamalEncrypt or PublicKeyAlgorithmTag.ElGamalGeneral
        && key.BitStrength < MinimumBits;

    /// <summary>When a key expires, or null if never.</summary>
    public static DateTimeOffset? ExpiresAt(PgpPublicKey key)
    {
        var seconds = key.GetValidSeconds();
        return seconds <= 0 ? null : new DateTimeOffset(key.CreationTime.ToUniversalTime(), TimeSpan.Zero).AddSeconds(seconds);
    }

    private static bool IsExpired(PgpPublicKey key, DateTimeOffset now) => ExpiresAt(key) is { } expires && expires <= now;

    /// <summary>
    /// Whether a key may make signatures: a signing algorithm AND (when key flags are present) the
    /// sign-data flag. BouncyCastle's IsSigningKey looks only at the algorithm, which would let an
    /// RSA encryption subkey sign, and GnuPG rejects such signatures ("wrong key usage").
    /// </summary>
    public static bool CanSign(PgpPublicKey key, DateTimeOffset now) =>
        !key.HasRevocation() && !IsExpired(key, now) && FlagsAllow(key, Org.BouncyCastle.Bcpg.Sig.KeyFlags.SignData);

    private static bool FlagsAllow(PgpPublicKey key, int wanted)
    {
        // Key flags live in the subkey binding (subkeys) or the self-certification (primary key).
        var types = key.IsMasterKey
            ? new[] { PgpSignature.PositiveCertification, PgpSignature.CasualCertification, PgpSignature.NoCertification, PgpSignature.DefaultCertification, PgpSignature.DirectKey }
            : new[] { PgpSignature.SubkeyBinding };
        int? flags = null;
        foreach (var type in types)
        {
            foreach (PgpSignature signature in key.GetSignaturesOfType(type))
            {
                var hashed = signature.GetHashedSubPackets();
                if (hashed is not null && hashed.HasSubpacket(SignatureSubpacketTag.KeyFlags))
                {
                    flags = (flags ?? 0) | hashed.GetKeyFlags();
                }
            }
        }

        // No flags at all: old keys; the algorithm (IsEncryptionKey / IsSigningKey) decides.
        return flags is null || (flags.Value & wanted) != 0;
    }
}
