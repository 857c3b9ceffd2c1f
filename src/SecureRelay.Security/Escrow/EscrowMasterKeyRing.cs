using System.Globalization;
using System.Security.Cryptography;

namespace SecureRelay.Security.Escrow;

/// <summary>
/// The escrow master keys, read from a key file kept apart from the database. One key per line,
/// <c>&lt;key-id&gt; &lt;base64 32 bytes&gt;</c>; the last line is the current key used to wrap new
/// message keys, older lines stay usable for unwrapping (rotation = append a line).
/// The file is created with mode 0600 on first use and refused when group or others can read it.
/// </summary>
public sealed class EscrowMasterKeyRing
{
    /// <summary>Master key length in bytes (AES-256).</summary>
    public const int KeyBytes = 32;

    private const long MaxKeyFileBytes = 64 * 1024;

    private readonly Dictionary<string, byte[]> _keys;

    private EscrowMasterKeyRing(Dictionary<string, byte[]> keys, string currentKeyId)
    {
        _keys = keys;
        CurrentKeyId = currentKeyId;
    }

    /// <summary>Id of the key that wraps new records.</summary>
    public string CurrentKeyId { get; }

    /// <summary>Number of keys in the ring.</summary>
    public int Count => _keys.Count;

    /// <summary>Loads the key file, creating it with one fresh key (mode 0600) when missing.</summary>
    /// <exception cref="InvalidDataException">The file is malformed, too large or readable by group/others.</exception>
    public static EscrowMasterKeyRing LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            try
            {
                var line = FormatLine(NewKeyId(), RandomNumberGenerator.GetBytes(KeyBytes));
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(path, options);
                using var writer = new StreamWriter(stream);
                writer.Write(line);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs rather than overwrite a live key.
            }
        }

        return Load(path);
    }

    /// <summary>Loads an existing key file.</summary>
    /// <exception cref="InvalidDataException">The file is malformed, too large or readable by group/others.</exception>
    public static EscrowMasterKeyRing Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("escrow key file not found", path);
        }

        if (info.Length > MaxKeyFileBytes)
        {
            throw new InvalidDataException($"{path}: escrow key file is larger than {MaxKeyFileBytes} bytes");
        }

        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode groupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
            if ((File.GetUnixFileMode(path) & groupOrOther) != 0)
            {
                throw new InvalidDataException($"{path}: escrow key file must not be accessible by group or others (chmod 600)");
            }
        }

        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? current = null;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
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

            if (key.Length != KeyBytes || parts[0].Length is < 1 or > 64 || !keys.TryAdd(parts[0], key))
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}:{lineNumber}: expected '<unique key id> <base64 of {KeyBytes} bytes>'"));
            }

            current = parts[0];
        }

        if (current is null)
        {
            throw new InvalidDataException($"{path}: escrow key file holds no key");
        }

        return new EscrowMasterKeyRing(keys, current);
    }

    /// <summary>Appends a fresh key to the file and makes it current for new records.</summary>
    public static string Rotate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _ = Load(path); // refuse to append to a malformed or over-permissive file
        var id = NewKeyId();
        File.AppendAllText(path, FormatLine(id, RandomNumberGenerator.GetBytes(KeyBytes)));
        return id;
    }

    /// <summary>The current key.</summary>
    internal ReadOnlySpan<byte> CurrentKey => _keys[CurrentKeyId];

    /// <summary>Finds a key by id.</summary>
    internal bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    private static string NewKeyId() => "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private static string FormatLine(string id, byte[] key) => id + " " + Convert.ToBase64String(key) + "\n";
}
