using System.Security.Cryptography;

namespace SecureRelay.Storage.Keys;

/// <summary>
/// AES-256 keys with ids: the current key seals new data and its id is stored with each record;
/// every key in the ring still opens what it sealed (rotation never strands data). Key files must be
/// private: a file group or others can access is refused, or only reported when the caller keeps a
/// looser rule for files written by older releases.
/// </summary>
public sealed class KeyRing : IDisposable
{
    /// <summary>Key length in bytes (AES-256).</summary>
    public const int KeyBytes = 32;

    private readonly Dictionary<string, byte[]> _keys;

    private KeyRing(Dictionary<string, byte[]> keys, IReadOnlyList<string> ids, bool created, IReadOnlyList<string> filesOpenToOthers)
    {
        _keys = keys;
        KeyIds = ids;
        Created = created;
        FilesOpenToOthers = filesOpenToOthers;
    }

    /// <summary>Id of the key that seals new data.</summary>
    public string CurrentKeyId => KeyIds[0];

    /// <summary>The key that seals new data.</summary>
    public ReadOnlySpan<byte> CurrentKey => _keys[CurrentKeyId];

    /// <summary>Every key id, current first.</summary>
    public IReadOnlyList<string> KeyIds { get; }

    /// <summary>True when this open created the first key.</summary>
    public bool Created { get; }

    /// <summary>Key files group or others can access (only when opened with <c>requirePrivate: false</c>).</summary>
    public IReadOnlyList<string> FilesOpenToOthers { get; }

    /// <summary>Opens the ring, creating its first key when there is none.</summary>
    /// <param name="layout">Where the keys are.</param>
    /// <param name="requirePrivate">Refuse a key file group or others can access; when false such files are listed in <see cref="FilesOpenToOthers"/>.</param>
    /// <exception cref="InvalidDataException">A key file is malformed, too large, or (with <paramref name="requirePrivate"/>) not private.</exception>
    public static KeyRing Open(IKeyRingLayout layout, bool requirePrivate)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var contents = layout.LoadOrCreate();
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var ids = new List<string>();
        var open = new List<string>();
        try
        {
            foreach (var entry in contents.Keys)
            {
                if (entry.Material.Length != KeyBytes)
                {
                    throw new InvalidDataException($"{entry.File}: a key is {KeyBytes} bytes, found {entry.Material.Length}");
                }

                if (Files.PrivateFiles.IsOpenToOthers(entry.File) && !open.Contains(entry.File))
                {
                    if (requirePrivate)
                    {
                        throw new InvalidDataException($"{entry.File}: key file must not be accessible by group or others (chmod 600)");
                    }

                    open.Add(entry.File);
                }

                if (keys.TryAdd(entry.Id, entry.Material))
                {
                    ids.Add(entry.Id);
                }
                else
                {
                    CryptographicOperations.ZeroMemory(entry.Material);
                }
            }

            if (ids.Count == 0)
            {
                throw new InvalidDataException("the key ring holds no key");
            }

            return new KeyRing(keys, ids, contents.Created, open);
        }
        catch
        {
            foreach (var entry in contents.Keys)
            {
                CryptographicOperations.ZeroMemory(entry.Material);
            }

            throw;
        }
    }

    /// <summary>Checks the ring opens under the same rules, then rotates it (see <see cref="IKeyRingLayout.Rotate"/>).</summary>
    /// <returns>The new current key's id.</returns>
    public static string Rotate(IKeyRingLayout layout, bool requirePrivate)
    {
        using (Open(layout, requirePrivate))
        {
            // never rotate a ring that does not open: its files are malformed or too permissive
        }

        return layout.Rotate();
    }

    /// <summary>Finds a key by the id stored with a record.</summary>
    public bool TryGetKey(string keyId, out ReadOnlyMemory<byte> key)
    {
        var found = _keys.TryGetValue(keyId, out var material);
        key = material;
        return found;
    }

    /// <summary>Wipes the keys from memory.</summary>
    public void Dispose()
    {
        foreach (var material in _keys.Values)
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>32 fresh random bytes.</summary>
    internal static byte[] NewKey() => RandomNumberGenerator.GetBytes(KeyBytes);
}
