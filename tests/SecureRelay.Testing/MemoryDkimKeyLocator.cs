using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;

namespace SecureRelay.Testing;

/// <summary>Answers DKIM key queries from TXT values held in memory (stands in for DNS).</summary>
public sealed class MemoryDkimKeyLocator : DkimPublicKeyLocatorBase
{
    private readonly Dictionary<string, string> _records = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string selector, string domain, string txtValue) => _records[selector + "._domainkey." + domain] = txtValue;

    public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        _records.TryGetValue(selector + "._domainkey." + domain, out string? txt)
            ? GetPublicKey(txt)
            : throw new InvalidOperationException($"no key for {selector}._domainkey.{domain}");

    public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
        Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
}
