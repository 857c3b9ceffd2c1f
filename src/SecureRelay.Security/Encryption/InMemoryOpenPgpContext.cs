using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureRelay.Security.Encryption;

/// <summary>
/// A MimeKit <see cref="OpenPgpContext"/> whose keyrings live in memory (built per message from
/// the key directory, WKD answers and the organisation signing key), so nothing touches a GnuPG
/// home directory. Not thread-safe: create one per operation.
/// </summary>
public sealed class InMemoryOpenPgpContext : OpenPgpContext
{
    private readonly string _passphrase;
    private PgpPublicKeyRingBundle _public = new(new List<PgpPublicKeyRing>());
    private PgpSecretKeyRingBundle _secret = new(new List<PgpSecretKeyRing>());

    /// <summary>Creates an empty context; <paramref name="passphrase"/> unlocks imported secret keys.</summary>
    public InMemoryOpenPgpContext(string passphrase = "")
    {
        _passphrase = passphrase ?? "";
        DefaultEncryptionAlgorithm = EncryptionAlgorithm.Aes256;
    }

    /// <inheritdoc/>
    protected override string GetPasswordForKey(PgpSecretKey key) => _passphrase;

    /// <inheritdoc/>
    protected override PgpPublicKeyRing? GetPublicKeyRing(long keyId, CancellationToken cancellationToken = default) =>
        _public.GetPublicKeyRing(keyId);

    /// <inheritdoc/>
    protected override Task<PgpPublicKeyRing?> GetPublicKeyRingAsync(long keyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetPublicKeyRing(keyId, cancellationToken));

    /// <inheritdoc/>
    protected override PgpSecretKey GetSecretKey(long keyId, CancellationToken cancellationToken = default) =>
        _secret.GetSecretKey(keyId) ?? throw new PrivateKeyNotFoundException(keyId.ToString("X16", System.Globalization.CultureInfo.InvariantCulture), "secret key not found");

    /// <inheritdoc/>
    protected override Task<PgpSecretKey> GetSecretKeyAsync(long keyId, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetSecretKey(keyId, cancellationToken));

    /// <inheritdoc/>
    public override IList<PgpPublicKey> GetPublicKeys(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailboxes);
        var now = DateTimeOffset.UtcNow;
        var result = new List<PgpPublicKey>();
        foreach (var mailbox in mailboxes)
        {
            var found = _public.GetKeyRings()
                .Where(r => PgpKeyEvaluator.Addresses(r).Contains(mailbox.Address.ToLowerInvariant()))
                .Select(r => PgpKeyEvaluator.EncryptionKey(r, now, out _))
                .FirstOrDefault(k => k is not null)
                ?? throw new PublicKeyNotFoundException(mailbox, "no usable public key");
            result.Add(found);
        }

        return result;
    }

    /// <inheritdoc/>
    public override Task<IList<PgpPublicKey>> GetPublicKeysAsync(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetPublicKeys(mailboxes, cancellationToken));

    /// <inheritdoc/>
    public override PgpSecretKey GetSigningKey(MailboxAddress mailbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        foreach (PgpSecretKeyRing ring in _secret.GetKeyRings())
        {
            foreach (PgpSecretKey key in ring.GetSecretKeys())
            {
                if (key.IsSigningKey && PgpKeyEvaluator.CanSign(key.PublicKey, DateTimeOffset.UtcNow) && IsMatch(key, mailbox))
                {
                    return key;
                }
            }
        }

        throw new PrivateKeyNotFoundException(mailbox, "no signing key");
    }

    /// <inheritdoc/>
    public override Task<PgpSecretKey> GetSigningKeyAsync(MailboxAddress mailbox, CancellationToken cancellationToken = default) =>
        Task.FromResult(GetSigningKey(mailbox, cancellationToken));

    /// <inheritdoc/>
    public override bool CanEncrypt(MailboxAddress mailbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var address = mailbox.Address.ToLowerInvariant();
        return _public.GetKeyRings().Any(r => PgpKeyEvaluator.Addresses(r).Contains(address)
            && PgpKeyEvaluator.EncryptionKey(r, DateTimeOffset.UtcNow, out _) is not null);
    }

    /// <inheritdoc/>
    public override bool CanSign(MailboxAddress signer, CancellationToken cancellationToken = default)
    {
        try
        {
            return GetSigningKey(signer, cancellationToken) is not null;
        }
        catch (PrivateKeyNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public override MimePart Export(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) =>
        Export(GetPublicKeys(mailboxes, cancellationToken), cancellationToken);

    /// <inheritdoc/>
    public override Task<MimePart> ExportAsync(IEnumerable<MailboxAddress> mailboxes, CancellationToken cancellationToken = default) =>
        Task.FromResult(Export(mailboxes, cancellationToken));

    /// <inheritdoc/>
    public override void Export(IEnumerable<MailboxAddress> mailboxes, Stream stream, bool armor, CancellationToken cancellationToken = default) =>
        Export(GetPublicKeys(mailboxes, cancellationToken), stream, armor, cancellationToken);

    /// <inheritdoc/>
    public override Task ExportAsync(IEnumerable<MailboxAddress> mailboxes, Stream stream, bool armor, CancellationToken cancellationToken = default)
    {
        Export(mailboxes, stream, armor, cancellationToken);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override void Import(PgpPublicKeyRing keyring, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        if (!_public.Contains(keyring.GetPublicKey().KeyId))
        {
            _public = PgpPublicKeyRingBundle.AddPublicKeyRing(_public, keyring);
        }
    }

    /// <inheritdoc/>
    public override void Import(PgpPublicKeyRingBundle bundle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        foreach (PgpPublicKeyRing ring in bundle.GetKeyRings())
        {
            Import(ring, cancellationToken);
        }
    }

    /// <inheritdoc/>
    public override void Import(PgpSecretKeyRing keyring, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyring);
        if (!_secret.Contains(keyring.GetSecretKey().KeyId))
        {
            _secret = PgpSecretKeyRingBundle.AddSecretKeyRing(_secret, keyring);
        }
    }

    /// <inheritdoc/>
    public override void Import(PgpSecretKeyRingBundle bundle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        foreach (PgpSecretKeyRing ring in bundle.GetKeyRings())
        {
            Import(ring, cancellationToken);
        }
    }
}
