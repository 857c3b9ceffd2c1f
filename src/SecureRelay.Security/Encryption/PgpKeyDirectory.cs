using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureRelay.Security.Encryption;

/// <summary>
/// PGP public keys from a directory (<c>pgp.keys_dir</c>) of ASCII-armoured (or binary) key files,
/// indexed by user-id email. Lookups skip expired, revoked and weak keys and keys without an
/// encryption-capable subkey, judged at lookup time, and say why when none is left. Each load logs
/// every key it refuses, once, with its file name and reason. Reloaded on change or on
/// <see cref="Reload"/>. Thread-safe.
/// </summary>
public sealed class PgpKeyDirectory : IDisposable
{
    private const long MaxFileBytes = 1024 * 1024;

    private static readonly string[] Extensions = [".asc", ".gpg", ".pgp", ".pub", ".key"];

    private readonly string _directory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DirectoryChangeFlag _changes;
    private readonly Lock _reloadLock = new();
    private FrozenDictionary<string, (PgpPublicKeyRing Ring, string Source)[]> _byAddress =
        FrozenDictionary<string, (PgpPublicKeyRing Ring, string Source)[]>.Empty;
    private int _ringCount;

    /// <summary>Loads the directory (a missing directory is empty, not an error).</summary>
    public PgpKeyDirectory(PgpOptions options, TimeProvider? timeProvider = null, ILogger<PgpKeyDirectory>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.KeysDir);
        _directory = Path.GetFullPath(options.KeysDir);
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _changes = new DirectoryChangeFlag(_directory, options.ReloadOnChange);
        Reload();
    }

    /// <summary>Number of key rings loaded (usable or not).</summary>
    public int Count => Volatile.Read(ref _ringCount);

    /// <summary>Re-reads the directory now. Unreadable files are logged and skipped.</summary>
    public void Reload()
    {
        lock (_reloadLock)
        {
            _changes.Reset();
            var byAddress = new KeyAddressIndex<(PgpPublicKeyRing Ring, string Source)>();
            var count = 0;
            var now = _time.GetUtcNow();
            foreach (var file in KeyDirectoryFiles.List(_directory, Extensions))
            {
                foreach (var ring in ReadFile(file))
                {
                    count++;
                    var addresses = PgpKeyEvaluator.Addresses(ring);
                    if (addresses.Count == 0)
                    {
                        EncryptionLog.PgpKeyRefused(_logger, Path.GetFileName(file), PgpKeyEvaluator.Fingerprint(ring), RecipientKeyRefusal.NoAddressMatch.ToName());
                    }
                    else if (PgpKeyEvaluator.EncryptionKey(ring, now, out var refusal) is null)
                    {
                        EncryptionLog.PgpKeyRefused(_logger, Path.GetFileName(file), PgpKeyEvaluator.Fingerprint(ring), refusal.ToName());
                    }

                    byAddress.Add(addresses, (ring, file));
                }
            }

            _byAddress = byAddress.ToFrozen();
            Volatile.Write(ref _ringCount, count);
            EncryptionLog.PgpLoaded(_logger, _directory, count, byAddress.AddressCount);
        }
    }

    /// <summary>
    /// The usable key for <paramref name="address"/> now (newest encryption key among valid rings),
    /// or <see langword="null"/>.
    /// </summary>
    public PgpRecipientKey? Find(string address) => Lookup(address).Key;

    /// <summary>
    /// The usable key for <paramref name="address"/> now (newest encryption key among valid rings),
    /// or why there is none: no key names the address, or the reason of the first refused ring.
    /// </summary>
    public PgpKeyLookup Lookup(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_changes.IsSet)
        {
            Reload();
        }

        if (!_byAddress.TryGetValue(address.Trim(), out var rings))
        {
            return new PgpKeyLookup(null, KeyProblem.NoAddressMatch);
        }

        var now = _time.GetUtcNow();
        PgpRecipientKey? best = null;
        RecipientKeyRefusal? firstRefusal = null;
        foreach (var (ring, source) in rings)
        {
            var key = PgpKeyEvaluator.EncryptionKey(ring, now, out var refusal);
            if (key is null)
            {
                firstRefusal ??= refusal;
                continue;
            }

            if (best is null || key.CreationTime > best.EncryptionKey.CreationTime)
            {
                best = new PgpRecipientKey(address.Trim().ToLowerInvariant(), ring, key, PgpKeyEvaluator.Fingerprint(ring), PgpKeyEvaluator.ExpiresAt(key), source);
            }
        }

        return best is not null
            ? new PgpKeyLookup(best, null)
            : new PgpKeyLookup(null, new KeyProblem(firstRefusal ?? RecipientKeyRefusal.NoEncryptionSubkey));
    }

    /// <summary>Stops watching the directory.</summary>
    public void Dispose() => _changes.Dispose();

    /// <summary>Parses every public key ring in a stream (armoured or binary). Shared with WKD.</summary>
    internal static List<PgpPublicKeyRing> ParseRings(Stream stream)
    {
        using var decoder = PgpUtilities.GetDecoderStream(stream);
        var bundle = new PgpPublicKeyRingBundle(decoder);
        return [.. bundle.GetKeyRings()];
    }

    private List<PgpPublicKeyRing> ReadFile(string file)
    {
        var name = Path.GetFileName(file);
        try
        {
            if (new FileInfo(file).Length > MaxFileBytes)
            {
                EncryptionLog.PgpFileSkipped(_logger, name, $"larger than {MaxFileBytes} bytes");
                return [];
            }

            using var stream = File.OpenRead(file);
            var rings = ParseRings(stream);
            if (rings.Count == 0)
            {
                EncryptionLog.PgpFileSkipped(_logger, name, "no public key found");
            }

            return rings;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PgpException or ArgumentException or InvalidOperationException)
        {
            EncryptionLog.PgpFileSkipped(_logger, name, e.Message);
            return [];
        }
    }
}
