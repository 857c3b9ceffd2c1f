using SecureRelay.Storage.Files;

namespace SecureRelay.Storage.Keys;

/// <summary>
/// A file per key (the spool's layout): the current key file holds 32 raw bytes; every other
/// <c>*.key</c> file in its directory, and any retired key file named explicitly, is an older key
/// kept for reading. Ids are derived from the key bytes (<paramref name="idOf"/>), so a file can be
/// renamed or moved without breaking the records it sealed. Rotation renames the current file to
/// <c>&lt;name&gt;-&lt;id&gt;.key</c> beside it and writes a new current file.
/// </summary>
/// <param name="currentKeyFile">The file whose key seals new data.</param>
/// <param name="retiredKeyFiles">Older keys kept elsewhere.</param>
/// <param name="idOf">The id of a key, from its bytes.</param>
public sealed class KeyFileDirectory(string currentKeyFile, IEnumerable<string> retiredKeyFiles, Func<byte[], string> idOf) : IKeyRingLayout
{
    private readonly string _current = Path.GetFullPath(currentKeyFile);

    /// <inheritdoc />
    public KeyRingContents LoadOrCreate()
    {
        var directory = Path.GetDirectoryName(_current)!;
        PrivateFiles.CreateDirectory(directory);
        var created = !File.Exists(_current) && PrivateFiles.TryCreate(_current, KeyRing.NewKey());
        var others = Directory.EnumerateFiles(directory, "*.key")
            .Select(Path.GetFullPath)
            .Concat(retiredKeyFiles.Select(Path.GetFullPath))
            .Where(f => !string.Equals(f, _current, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal);
        var keys = new List<KeyRingEntry> { Read(_current) };
        keys.AddRange(others.Select(Read));
        return new KeyRingContents(keys, created);
    }

    /// <inheritdoc />
    public string Rotate()
    {
        File.Move(_current, RetiredPath(Read(_current).Id), overwrite: false);
        var material = KeyRing.NewKey();
        PrivateFiles.TryCreate(_current, material);
        return idOf(material);
    }

    /// <summary>Where <see cref="Rotate"/> puts the key with <paramref name="keyId"/>.</summary>
    public string RetiredPath(string keyId) =>
        Path.Combine(Path.GetDirectoryName(_current)!, $"{Path.GetFileNameWithoutExtension(_current)}-{keyId}.key");

    private KeyRingEntry Read(string path)
    {
        var material = PrivateFiles.ReadAll(path, KeyRing.KeyBytes * 2);
        if (material.Length != KeyRing.KeyBytes)
        {
            throw new InvalidDataException($"Key file {path} must hold exactly {KeyRing.KeyBytes} bytes, found {material.Length}.");
        }

        return new KeyRingEntry(idOf(material), material, path);
    }
}
