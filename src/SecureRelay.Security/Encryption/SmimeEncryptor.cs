using MimeKit;
using MimeKit.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;

namespace SecureRelay.Security.Encryption;

/// <summary>
/// Envelopes a message for its recipients as <c>application/pkcs7-mime; smime-type=enveloped-data</c>
/// with AES-256-CBC (the algorithm every S/MIME client and <c>openssl cms</c> decrypts), via
/// MimeKit's <see cref="ApplicationPkcs7Mime"/>. Optionally signs first (multipart/signed with the
/// organisation certificate, SHA-256) so the signature is inside the envelope. Thread-safe.
/// </summary>
public sealed class SmimeEncryptor
{
    private readonly SmimeCertificateDirectory _directory;
    private readonly SmimeOptions _options;
    private readonly ILogger _logger;
    private readonly X509Certificate[]? _signingChain;
    private readonly AsymmetricKeyParameter? _signingKey;

    /// <summary>Creates the encryptor, loading the signing certificate and key once when configured.</summary>
    /// <exception cref="InvalidDataException">The signing certificate or key cannot be read.</exception>
    public SmimeEncryptor(SmimeCertificateDirectory directory, SmimeOptions options, ILogger<SmimeEncryptor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        _directory = directory;
        _options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (!string.IsNullOrWhiteSpace(options.SigningCertificate))
        {
            (_signingChain, _signingKey) = LoadSigningIdentity(options);
        }
    }

    /// <summary>Whether messages are signed before encryption.</summary>
    public bool Signs => _signingKey is not null;

    /// <summary>Whether every recipient has a valid certificate.</summary>
    public bool CanEncrypt(IEnumerable<string> recipients) => recipients.All(_directory.CanEncryptTo);

    /// <summary>
    /// Returns a new message whose body is the S/MIME envelope of the original body. The original
    /// body entity is reused (annotated with protected headers when <c>protect_subject</c> is on),
    /// so do not send the original afterwards.
    /// </summary>
    /// <exception cref="MessageProtectionException">A recipient has no valid certificate, or encryption failed.</exception>
    public MimeMessage Encrypt(MimeMessage message, IEnumerable<string> recipients, CancellationToken cancellationToken = default) =>
        Encrypt(message, recipients, sign: true, cancellationToken);

    /// <summary>
    /// As <see cref="Encrypt(MimeMessage, IEnumerable{string}, CancellationToken)"/>, but signs only when
    /// <paramref name="sign"/> is true and a signing identity is configured (per-recipient policy).
    /// </summary>
    /// <exception cref="MessageProtectionException">A recipient has no valid certificate, or encryption failed.</exception>
    public MimeMessage Encrypt(MimeMessage message, IEnumerable<string> recipients, bool sign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipients);
        var addresses = recipients.Select(r => r.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (addresses.Count == 0)
        {
            throw new ArgumentException("at least one recipient is required", nameof(recipients));
        }

        var cmsRecipients = new CmsRecipientCollection();
        var missing = new List<string>();
        foreach (var address in addresses)
        {
            var certificate = _directory.FindBest(address);
            if (certificate is null)
            {
                missing.Add(address);
                continue;
            }

            // Pin the content cipher: MimeKit would otherwise negotiate from S/MIME capabilities.
            cmsRecipients.Add(new CmsRecipient(certificate.Certificate, SubjectIdentifierType.IssuerAndSerialNumber)
            {
                EncryptionAlgorithms = [EncryptionAlgorithm.Aes256],
            });
        }

        if (missing.Count > 0)
        {
            throw new MessageProtectionException($"no valid S/MIME certificate for {missing.Count} recipient(s)", missing);
        }

        try
        {
            using var context = new TemporarySecureMimeContext();
            var inner = ProtectedHeaders.InnerEntity(message, _options.ProtectSubject);
            if (sign && _signingKey is not null)
            {
                var signer = new CmsSigner(_signingChain!, _signingKey) { DigestAlgorithm = DigestAlgorithm.Sha256 };
                inner = MultipartSigned.Create(context, signer, inner, cancellationToken);
            }

            var envelope = ApplicationPkcs7Mime.Encrypt(context, cmsRecipients, inner, cancellationToken);
            EncryptionLog.Encrypted(_logger, "smime", addresses.Count);
            return ProtectedHeaders.Envelope(message, envelope, _options.ProtectSubject, _options.NeutralSubject);
        }
        catch (Exception e) when (e is Org.BouncyCastle.Cms.CmsException or Org.BouncyCastle.Security.SecurityUtilityException or NotSupportedException)
        {
            throw new MessageProtectionException("S/MIME encryption failed: " + e.Message, e);
        }
    }

    private static (X509Certificate[] Chain, AsymmetricKeyParameter Key) LoadSigningIdentity(SmimeOptions options)
    {
        var path = options.SigningCertificate!;
        try
        {
            var extension = Path.GetExtension(path);
            if (extension.Equals(".p12", StringComparison.OrdinalIgnoreCase) || extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase))
            {
                var password = string.IsNullOrEmpty(options.SigningPasswordFile)
                    ? ""
                    : File.ReadAllText(options.SigningPasswordFile).TrimEnd('\r', '\n');
                var store = new Pkcs12StoreBuilder().Build();
                using (var stream = File.OpenRead(path))
                {
                    store.Load(stream, password.ToCharArray());
                }

                var alias = store.Aliases.FirstOrDefault(store.IsKeyEntry)
                    ?? throw new InvalidDataException($"{path}: no private key in the PKCS#12 file");
                var chain = store.GetCertificateChain(alias).Select(e => e.Certificate).ToArray();
                return (chain, store.GetKey(alias).Key);
            }

            X509Certificate[] pemChain;
            using (var stream = File.OpenRead(path))
            {
                pemChain = [.. new X509CertificateParser().ReadCertificates(stream)];
            }

            if (pemChain.Length == 0)
            {
                throw new InvalidDataException($"{path}: no certificate found");
            }

            if (string.IsNullOrWhiteSpace(options.SigningKey))
            {
                throw new InvalidDataException("smime.signing_key is required with a PEM signing_certificate");
            }

            using var reader = File.OpenText(options.SigningKey);
            var key = new PemReader(reader).ReadObject() switch
            {
                AsymmetricCipherKeyPair pair => pair.Private,
                AsymmetricKeyParameter { IsPrivate: true } k => k,
                _ => throw new InvalidDataException($"{options.SigningKey}: no private key found"),
            };
            return (pemChain, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Org.BouncyCastle.Security.Certificates.CertificateException or PemException)
        {
            throw new InvalidDataException($"cannot load S/MIME signing identity: {e.Message}", e);
        }
    }
}
