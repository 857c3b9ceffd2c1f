using System.Collections.Frozen;
using MimeKit;
using MimeKit.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureRelay.Security.Dkim;

/// <summary>
/// Signs outgoing messages with DKIM (relaxed/relaxed, SHA-256) using MimeKit's
/// <see cref="DkimSigner"/>. Keys are loaded and parsed once at construction, so a signature costs
/// one private-key operation. The key is chosen by the From domain (exact, then parent domains,
/// then <c>default_domain</c>), among the domains the submitter may use when the caller says which
/// (an authenticated user's <c>sender_domains</c>): a key is a claim of responsibility, never lent
/// to another tenant. Call <see cref="Sign"/> as the LAST change to a message before it is
/// sent: any later edit of a signed header or the body breaks the signature. Thread-safe.
/// </summary>
public sealed class DkimSigningService : IDisposable
{
    /// <summary>Header fields signed by default (those present in a message are signed).</summary>
    public static readonly IReadOnlyList<string> DefaultHeaders =
    [
        "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type",
        "Content-Transfer-Encoding", "Reply-To", "Cc", "In-Reply-To", "References",
    ];

    private readonly FrozenDictionary<string, FastDkimSigner[]> _signers;
    private readonly string? _defaultDomain;
    private readonly string[] _headers;
    private readonly ILogger _logger;

    /// <summary>Loads every configured key.</summary>
    /// <exception cref="ArgumentException">A key entry is incomplete or names a bad domain/selector.</exception>
    /// <exception cref="InvalidDataException">A key file is missing, unreadable or of the wrong type.</exception>
    public DkimSigningService(DkimOptions options, ILogger<DkimSigningService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _headers = options.Headers.Count > 0 ? [.. options.Headers] : [.. DefaultHeaders];
        if (!_headers.Any(h => h.Equals("From", StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException("dkim.headers must include From (RFC 6376 §5.4)");
        }

        var byDomain = new Dictionary<string, List<FastDkimSigner>>(StringComparer.OrdinalIgnoreCase);
        var index = 0;
        foreach (var key in options.Enabled ? options.Keys : [])
        {
            var where = $"dkim.keys[{index++}]";
            if (!DkimKeyGenerator.IsValidDomain(key.Domain))
            {
                throw new ArgumentException($"{where}.domain '{key.Domain}' is not a domain name");
            }

            if (!DkimKeyGenerator.IsValidSelector(key.Selector))
            {
                throw new ArgumentException($"{where}.selector '{key.Selector}' is not a valid selector");
            }

            if (string.IsNullOrWhiteSpace(key.PrivateKeyPath))
            {
                throw new ArgumentException($"{where}.private_key_path must be set");
            }

            var privateKey = DkimKeyLoader.Load(key.PrivateKeyPath, key.Algorithm);
            var algorithm = key.Algorithm == DkimKeyAlgorithm.Ed25519 ? DkimSignatureAlgorithm.Ed25519Sha256 : DkimSignatureAlgorithm.RsaSha256;
            var domain = key.Domain.TrimEnd('.').ToLowerInvariant();
            var signer = new FastDkimSigner(privateKey, domain, key.Selector, algorithm)
            {
                HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
                BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            };
            if (!byDomain.TryGetValue(domain, out var list))
            {
                byDomain[domain] = list = [];
            }

            if (list.Any(s => s.SignatureAlgorithm == algorithm))
            {
                throw new ArgumentException($"{where}: domain {domain} already has a {key.Algorithm} key");
            }

            list.Add(signer);
            DkimLog.KeyLoaded(_logger, domain, key.Selector, key.Algorithm);
        }

        // RSA first: receivers that do not know ed25519 ignore that signature (RFC 8463 §3).
        _signers = byDomain.ToFrozenDictionary(
            p => p.Key,
            p => p.Value.OrderBy(s => s.SignatureAlgorithm == DkimSignatureAlgorithm.Ed25519Sha256 ? 1 : 0).ToArray(),
            StringComparer.OrdinalIgnoreCase);

        _defaultDomain = string.IsNullOrWhiteSpace(options.DefaultDomain) ? null : options.DefaultDomain.TrimEnd('.').ToLowerInvariant();
        if (_defaultDomain is not null && !_signers.ContainsKey(_defaultDomain))
        {
            throw new ArgumentException($"dkim.default_domain '{_defaultDomain}' has no key in dkim.keys");
        }
    }

    /// <summary>Releases the native key handles.</summary>
    public void Dispose()
    {
        foreach (var signer in _signers.Values.SelectMany(s => s))
        {
            signer.Dispose();
        }
    }

    /// <summary>Domains with at least one key.</summary>
    public IReadOnlyCollection<string> Domains => _signers.Keys;

    /// <summary>
    /// The domain whose keys would sign mail from <paramref name="fromDomain"/>: the domain itself,
    /// else its nearest parent with a key (relaxed DMARC alignment), else <c>default_domain</c>;
    /// only domains <paramref name="mayUse"/> allows (null: any) are candidates.
    /// </summary>
    public string? ResolveSigningDomain(string? fromDomain, Func<string, bool>? mayUse = null)
    {
        if (!string.IsNullOrEmpty(fromDomain))
        {
            var candidate = fromDomain.TrimEnd('.').ToLowerInvariant();
            while (true)
            {
                if (_signers.ContainsKey(candidate) && (mayUse is null || mayUse(candidate)))
                {
                    return candidate;
                }

                var dot = candidate.IndexOf('.', StringComparison.Ordinal);
                // Stop before a bare TLD: a key for "org" must never sign "example.org".
                if (dot < 0 || candidate.IndexOf('.', dot + 1) < 0)
                {
                    break;
                }

                candidate = candidate[(dot + 1)..];
            }
        }

        return _defaultDomain is not null && (mayUse is null || mayUse(_defaultDomain)) ? _defaultDomain : null;
    }

    /// <summary>
    /// Adds DKIM-Signature header(s) for the From domain. The message is first prepared for 7-bit
    /// transport so that no relay needs to re-encode (and thereby break) the signed body.
    /// </summary>
    /// <param name="message">The final message; do not change it afterwards.</param>
    /// <param name="format">Format the message will be written with; default <see cref="FormatOptions.Default"/>.</param>
    /// <param name="mayUse">Which key domains the submitter may sign with (null: any); a message
    /// with no allowed key is sent unsigned.</param>
    public DkimSignOutcome Sign(MimeMessage message, FormatOptions? format = null, Func<string, bool>? mayUse = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var fromDomain = message.From.Mailboxes.FirstOrDefault()?.Domain;
        var domain = ResolveSigningDomain(fromDomain, mayUse);
        if (domain is null)
        {
            DkimLog.NoKey(_logger, fromDomain ?? "(none)");
            return DkimSignOutcome.NotSigned;
        }

        message.Prepare(EncodingConstraint.SevenBit, 78);
        var signers = _signers[domain];
        var options = format ?? FormatOptions.Default;
        var selectors = new string[signers.Length];
        for (var i = 0; i < signers.Length; i++)
        {
            signers[i].Sign(options, message, _headers);
            selectors[i] = signers[i].Selector;
        }

        return new DkimSignOutcome(true, domain, selectors);
    }
}
