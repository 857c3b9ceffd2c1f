using MimeKit;
using MimeKit.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureRelay.Security.Encryption;

/// <summary>
/// Encrypts a message as PGP/MIME (<c>multipart/encrypted; protocol="application/pgp-encrypted"</c>,
/// RFC 3156) with AES-256 through MimeKit and an <see cref="InMemoryOpenPgpContext"/>. Recipient
/// keys come from the <see cref="PgpKeyDirectory"/>, then from the Web Key Directory when enabled.
/// Optionally signs with the organisation key (sign-then-encrypt in one OpenPGP message). Thread-safe.
/// </summary>
public sealed class PgpEncryptor
{
    private readonly PgpKeyDirectory _directory;
    private readonly WebKeyDirectoryClient? _wkd;
    private readonly PgpOptions _options;
    private readonly ILogger _logger;
    private readonly PgpSecretKeyRing? _signingRing;
    private readonly PgpSecretKey? _signingKey;
    private readonly string _passphrase = "";

    /// <summary>Creates the encryptor; <paramref name="wkd"/> may be null to use the directory only.</summary>
    /// <exception cref="InvalidDataException">The signing key cannot be read or has no signing-capable key.</exception>
    public PgpEncryptor(PgpKeyDirectory directory, WebKeyDirectoryClient? wkd, PgpOptions options, ILogger<PgpEncryptor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        _directory = directory;
        _wkd = options.Wkd.Enabled ? wkd : null;
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            try
            {
                if (!string.IsNullOrWhiteSpace(options.SigningPassphraseFile))
                {
                    _passphrase = File.ReadAllText(options.SigningPassphraseFile).TrimEnd('\r', '\n');
                }

                using var stream = File.OpenRead(options.SigningKey);
                using var decoder = PgpUtilities.GetDecoderStream(stream);
                var bundle = new PgpSecretKeyRingBundle(decoder);
                foreach (PgpSecretKeyRing ring in bundle.GetKeyRings())
                {
                    foreach (PgpSecretKey key in ring.GetSecretKeys())
                    {
                        if (key.IsSigningKey && !key.IsPrivateKeyEmpty && PgpKeyEvaluator.CanSign(key.PublicKey, DateTimeOffset.UtcNow))
                        {
                            _signingRing = ring;
                            _signingKey = key;
                        }
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PgpException)
            {
                throw new InvalidDataException($"cannot load PGP signing key {options.SigningKey}: {e.Message}", e);
            }

            if (_signingKey is null)
            {
                throw new InvalidDataException($"{options.SigningKey}: no signing-capable secret key");
            }

            // Fail at start-up, not on the first message, when the passphrase is wrong.
            try
            {
                _ = _signingKey.ExtractPrivateKey(_passphrase.ToCharArray());
            }
            catch (PgpException e)
            {
                throw new InvalidDataException($"{options.SigningKey}: cannot unlock the signing key (wrong passphrase?)", e);
            }
        }
    }

    /// <summary>Whether messages are signed before encryption.</summary>
    public bool Signs => _signingKey is not null;

    /// <summary>The usable key for an address: the key directory first, then WKD.</summary>
    public async Task<PgpRecipientKey?> ResolveKeyAsync(string address, CancellationToken cancellationToken = default) =>
        (await ResolveAsync(address, cancellationToken).ConfigureAwait(false)).Key;

    /// <summary>
    /// The usable key for an address (the key directory first, then WKD), or why there is none: a
    /// refused key in the directory is the more telling reason when WKD has no key either; a WKD
    /// failure says how it failed.
    /// </summary>
    public async Task<PgpKeyLookup> ResolveAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var local = _directory.Lookup(address);
        if (local.Key is not null || _wkd is null)
        {
            return local;
        }

        var remote = await _wkd.LookupAsync(address, cancellationToken).ConfigureAwait(false);
        if (remote.Key is not null)
        {
            return new PgpKeyLookup(remote.Key, null);
        }

        var problem = remote.Problem ?? KeyProblem.NoAddressMatch;
        return new PgpKeyLookup(null, problem.Refusal == RecipientKeyRefusal.NoAddressMatch ? local.Problem : problem);
    }

    /// <summary>
    /// Returns a new message whose body is the PGP/MIME encryption of the original body (reused,
    /// with protected headers when <c>protect_subject</c> is on).
    /// </summary>
    /// <exception cref="MessageProtectionException">A recipient has no usable key, or encryption failed.</exception>
    public async Task<MimeMessage> EncryptAsync(MimeMessage message, IEnumerable<string> recipients, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipients);
        var addresses = recipients.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count == 0)
        {
            throw new ArgumentException("at least one recipient is required", nameof(recipients));
        }

        var keys = new List<PgpRecipientKey>();
        var missing = new List<string>();
        foreach (var address in addresses)
        {
            var key = await ResolveKeyAsync(address, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                missing.Add(address);
            }
            else
            {
                keys.Add(key);
            }
        }

        if (missing.Count > 0)
        {
            throw new MessageProtectionException($"no usable PGP key for {missing.Count} recipient(s)", missing);
        }

        try
        {
            using var context = new InMemoryOpenPgpContext(_passphrase);
            foreach (var key in keys)
            {
                context.Import(key.KeyRing, cancellationToken);
            }

            var inner = ProtectedHeaders.InnerEntity(message, _options.ProtectSubject);
            var encryptionKeys = keys.Select(k => k.EncryptionKey).ToList();
            MultipartEncrypted encrypted;
            if (_signingKey is not null)
            {
                context.Import(_signingRing!, cancellationToken);
                encrypted = await MultipartEncrypted.SignAndEncryptAsync(context, _signingKey, DigestAlgorithm.Sha256,
                    EncryptionAlgorithm.Aes256, encryptionKeys, inner, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                encrypted = await MultipartEncrypted.EncryptAsync(context, EncryptionAlgorithm.Aes256, encryptionKeys, inner, cancellationToken)
                    .ConfigureAwait(false);
            }

            EncryptionLog.Encrypted(_logger, "pgp", addresses.Count);
            return ProtectedHeaders.Envelope(message, encrypted, _options.ProtectSubject, _options.NeutralSubject);
        }
        catch (Exception e) when (e is PgpException or ArgumentException or NotSupportedException)
        {
            throw new MessageProtectionException("PGP encryption failed: " + e.Message, e);
        }
    }
}
