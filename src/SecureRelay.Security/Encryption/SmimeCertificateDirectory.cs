using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace SecureRelay.Security.Encryption;

/// <summary>
/// Recipient certificates loaded from a directory (<c>smime.certificates_dir</c>) of PEM or DER
/// files, indexed by the email addresses they hold. Lookups return only certificates valid now
/// (period, key usage, not a CA), best first (latest notAfter). The directory is re-read when a
/// file changes (if <c>reload_on_change</c>) or on <see cref="Reload"/>. Thread-safe.
/// </summary>
public sealed class SmimeCertificateDirectory : IDisposable
{
    private const long MaxFileBytes = 1024 * 1024;
    private const int MaxCertificatesPerFile = 100;

    private static readonly string[] Extensions = [".pem", ".crt", ".cer", ".der"];

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DirectoryChangeFlag _changes;
    private readonly Lock _reloadLock = new();
    private FrozenDictionary<string, SmimeCertificateInfo[]> _byAddress = FrozenDictionary<string, SmimeCertificateInfo[]>.Empty;
    private int _certificateCount;

    /// <summary>Loads the directory (a missing directory is empty, not an error).</summary>
    public SmimeCertificateDirectory(SmimeOptions options, TimeProvider? timeProvider = null, ILogger<SmimeCertificateDirectory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.CertificatesDir);
        _directory = Path.GetFullPath(options.CertificatesDir);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _changes = new DirectoryChangeFlag(_directory, options.ReloadOnChange);
        Reload();
    }

    /// <summary>Number of certificates loaded (valid or not).</summary>
    public int Count => Volatile.Read(ref _certificateCount);

    /// <summary>Re-reads the directory now. Unreadable files are logged and skipped.</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            _changes.Reset();
            var byAddress = new KeyAddressIndex<SmimeCertificateInfo>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var count = 0;
            var now = _time.GetUtcNow();
            foreach (var file in KeyDirectoryFiles.List(_directory, Extensions))
            {
                foreach (var info in ReadFile(file))
                {
                    if (!seen.Add(info.Thumbprint))
                    {
                        continue;
                    }

                    count++;
                    LogIfRefused(info, now);
                    byAddress.Add(info.Addresses, info);
                }
            }

            _byAddress = byAddress.ToFrozen();
            Volatile.Write(ref _certificateCount, count);
            EncryptionLog.SmimeLoaded(_logger, _directory, count, byAddress.AddressCount);
        }
    }

    /// <summary>All certificates for an address, valid or not (for diagnostics).</summary>
    public IReadOnlyList<SmimeCertificateInfo> FindAll(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        ReloadIfChanged();
        return _byAddress.TryGetValue(address.Trim(), out var list) ? list : [];
    }

    /// <summary>
    /// The best certificate valid now for <paramref name="address"/> (latest notAfter, then latest
    /// notBefore), or <see langword="null"/> when none is valid.
    /// </summary>
    public SmimeCertificateInfo? FindBest(string address) => Lookup(address).Certificate;

    /// <summary>
    /// The best certificate valid now for <paramref name="address"/>, or why there is none: no
    /// certificate names the address, or the reason the newest one (latest notAfter) is refused.
    /// </summary>
    public SmimeCertificateLookup Lookup(string address)
    {
        var now = _time.GetUtcNow();
        var candidates = FindAll(address).OrderByDescending(c => c.NotAfter).ThenByDescending(c => c.NotBefore).ToList();
        if (candidates.Count == 0)
        {
            return new SmimeCertificateLookup(null, KeyProblem.NoAddressMatch);
        }

        if (candidates.FirstOrDefault(c => c.Evaluate(now) == SmimeCertificateStatus.Valid) is { } valid)
        {
            return new SmimeCertificateLookup(valid, null);
        }

        return new SmimeCertificateLookup(null, new KeyProblem(SmimeCertificateInfo.ToRefusal(candidates[0].Evaluate(now))));
    }

    /// <summary>Whether a valid certificate is known for <paramref name="address"/>.</summary>
    public bool CanEncryptTo(string address) => FindBest(address) is not null;

    /// <summary>Stops watching the directory.</summary>
    public void Dispose() => _changes.Dispose();

    private void ReloadIfChanged()
    {
        if (_changes.IsSet)
        {
            Reload();
        }
    }

    private void LogIfRefused(SmimeCertificateInfo info, DateTimeOffset now)
    {
        var name = Path.GetFileName(info.SourcePath);
        if (info.Addresses.Count == 0)
        {
            EncryptionLog.SmimeCertificateRefused(_logger, name, info.Thumbprint, RecipientKeyRefusal.NoAddressMatch.ToName());
            return;
        }

        var status = info.Evaluate(now);
        if (status != SmimeCertificateStatus.Valid)
        {
            EncryptionLog.SmimeCertificateRefused(_logger, name, info.Thumbprint, SmimeCertificateInfo.ToRefusal(status).ToName());
        }
    }

    private List<SmimeCertificateInfo> ReadFile(string file)
    {
        var result = new List<SmimeCertificateInfo>();
        var name = Path.GetFileName(file);
        try
        {
            var length = new FileInfo(file).Length;
            if (length > MaxFileBytes)
            {
                EncryptionLog.SmimeFileSkipped(_logger, name, $"larger than {MaxFileBytes} bytes");
                return result;
            }

            using var stream = File.OpenRead(file);
            var parser = new X509CertificateParser();
            foreach (var certificate in parser.ReadCertificates(stream).Take(MaxCertificatesPerFile))
            {
                result.Add(SmimeCertificateInfo.Create(certificate, file));
            }

            if (result.Count == 0)
            {
                EncryptionLog.SmimeFileSkipped(_logger, name, "no certificate found");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CertificateException or ArgumentException or InvalidOperationException)
        {
            EncryptionLog.SmimeFileSkipped(_logger, name, e.Message);
        }

        return result;
    }
}
