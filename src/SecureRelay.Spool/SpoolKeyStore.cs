using System.Globalization;
using Microsoft.Extensions.Logging;
using SecureRelay.Spool.Sqlite;
using SecureRelay.Storage.Keys;

namespace SecureRelay.Spool;

/// <summary>The spool's key ring: a <see cref="KeyRing"/> in the <see cref="KeyFileDirectory"/> layout.
/// The current key file (created on first run: 32 random bytes, mode 0600, directory 0700) seals new
/// records; every other <c>*.key</c> file in the same directory, and any configured retired key file,
/// still opens older records. Records store the key's numeric id (<see cref="SpoolKey.ComputeId"/>);
/// the ring names it by the same number in hex. A key file group or others can read is reported,
/// not refused, as it always was: refusing would strand the mail already queued under it.</summary>
public sealed class SpoolKeyStore : IDisposable
{
    private readonly Dictionary<uint, SpoolKey> _keys;

    private SpoolKeyStore(SpoolKey current, Dictionary<uint, SpoolKey> keys)
    {
        Current = current;
        _keys = keys;
    }

    /// <summary>Id of the key that seals new records.</summary>
    public uint CurrentKeyId => Current.Id;

    /// <summary>Ids of every loaded key, current first.</summary>
    public IReadOnlyList<uint> KeyIds => [Current.Id, .. _keys.Keys.Where(k => k != Current.Id)];

    internal SpoolKey Current { get; }

    internal bool TryGet(uint keyId, out SpoolKey key) => _keys.TryGetValue(keyId, out key!);

    /// <summary>Loads the ring, creating the current key file if it does not exist.</summary>
    /// <exception cref="SpoolException">A key file is unreadable or not exactly 32 bytes.</exception>
    public static SpoolKeyStore Load(string keyFile, IEnumerable<string> retiredKeyFiles, ILogger logger)
    {
        KeyRing ring;
        try
        {
            ring = KeyRing.Open(Layout(keyFile, retiredKeyFiles), requirePrivate: false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new SpoolException($"Cannot load the spool key ring: {ex.Message}", innerException: ex);
        }

        using (ring)
        {
            foreach (string path in ring.FilesOpenToOthers)
            {
                SpoolLog.KeyFileTooOpen(logger, path);
            }

            var keys = new Dictionary<uint, SpoolKey>();
            foreach (string id in ring.KeyIds)
            {
                ring.TryGetKey(id, out ReadOnlyMemory<byte> material);
                var key = new SpoolKey(material.ToArray());
                keys.Add(key.Id, key);
            }

            SpoolKey current = keys[ParseId(ring.CurrentKeyId)];
            if (ring.Created)
            {
                SpoolLog.KeyCreated(logger, current.Id);
            }

            return new SpoolKeyStore(current, keys);
        }
    }

    /// <summary>Rotation: renames the current key file to <c>&lt;name&gt;-&lt;keyid&gt;.key</c> beside it (so it
    /// keeps decrypting old records) and creates a new current key. Takes effect at the next open.</summary>
    /// <returns>The retired file's path.</returns>
    public static string Rotate(string keyFile)
    {
        var layout = Layout(keyFile, []);
        string retiredId;
        using (KeyRing ring = KeyRing.Open(layout, requirePrivate: false))
        {
            retiredId = ring.CurrentKeyId;
        }

        layout.Rotate();
        return layout.RetiredPath(retiredId);
    }

    private static KeyFileDirectory Layout(string keyFile, IEnumerable<string> retiredKeyFiles) =>
        new(keyFile, retiredKeyFiles, material => FormatId(SpoolKey.ComputeId(material)));

    private static string FormatId(uint id) => id.ToString("x8", CultureInfo.InvariantCulture);

    private static uint ParseId(string id) => uint.Parse(id, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Wipes the keys from memory.</summary>
    public void Dispose()
    {
        foreach (SpoolKey key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
