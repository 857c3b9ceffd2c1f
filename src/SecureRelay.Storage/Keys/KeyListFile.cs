using System.Globalization;
using System.Text;
using SecureRelay.Storage.Files;

namespace SecureRelay.Storage.Keys;

/// <summary>
/// One text file of keys (the escrow's layout): a line per key, <c>&lt;key-id&gt; &lt;base64 of 32
/// bytes&gt;</c>, blank lines and <c>#</c> comments ignored; the last line is the current key. Ids are
/// random (<c>k</c> + 12 hex digits). Rotation rewrites the file with a new last line, atomically.
/// </summary>
/// <param name="path">The key file.</param>
public sealed class KeyListFile(string path) : IKeyRingLayout
{
    /// <summary>Largest key file read.</summary>
    public const long MaxBytes = 64 * 1024;

    private readonly string _path = Path.GetFullPath(path);

    /// <inheritdoc />
    public KeyRingContents LoadOrCreate()
    {
        var created = false;
        if (!File.Exists(_path))
        {
            PrivateFiles.CreateDirectory(Path.GetDirectoryName(_path)!);
            // Another process may create it first: then its key is used, never overwritten.
            created = PrivateFiles.TryCreate(_path, Encoding.ASCII.GetBytes(FormatLine(NewKeyId(), KeyRing.NewKey())));
        }

        return new KeyRingContents(Read(), created);
    }

    /// <inheritdoc />
    public string Rotate()
    {
        var text = Encoding.UTF8.GetString(PrivateFiles.ReadAll(_path, MaxBytes));
        var id = NewKeyId();
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
        PrivateFiles.Replace(_path, Encoding.UTF8.GetBytes(text + separator + FormatLine(id, KeyRing.NewKey())));
        return id;
    }

    private List<KeyRingEntry> Read()
    {
        if (!File.Exists(_path))
        {
            throw new FileNotFoundException("key file not found", _path);
        }

        var text = Encoding.UTF8.GetString(PrivateFiles.ReadAll(_path, MaxBytes));
        var keys = new List<KeyRingEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            byte[] key;
            try
            {
                key = parts.Length == 2 ? Convert.FromBase64String(parts[1]) : [];
            }
            catch (FormatException)
            {
                key = [];
            }

            if (key.Length != KeyRing.KeyBytes || parts[0].Length is < 1 or > 64 || !seen.Add(parts[0]))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{_path}:{lineNumber}: expected '<unique key id> <base64 of {KeyRing.KeyBytes} bytes>'"));
            }

            keys.Add(new KeyRingEntry(parts[0], key, _path));
        }

        if (keys.Count == 0)
        {
            throw new InvalidDataException($"{_path}: key file holds no key");
        }

        keys.Reverse(); // the last line is current
        return keys;
    }

    private static string NewKeyId() => "k" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));

    private static string FormatLine(string id, byte[] key) => id + " " + Convert.ToBase64String(key) + "\n";
}
