using System.Security.Cryptography;
using System.Text;

namespace SecureRelay.Hosting;

/// <summary>
/// The bearer tokens that open the admin API, read from a file only its owner can read (like an
/// SSH private key, a readable file is refused rather than trusted). Several lines allow rotation:
/// add the new token, move clients, remove the old one. Tokens are kept as SHA-256 digests and
/// compared in constant time, so neither a token nor its length leaks through timing.
/// </summary>
public sealed class AdminTokens
{
    /// <summary>Shortest token accepted; generated tokens are 43 characters (256 bits).</summary>
    public const int MinLength = 32;

    /// <summary>Largest token file read (a few tokens; anything bigger is not a token file).</summary>
    private const long MaxFileBytes = 64 * 1024;

    private readonly byte[][] _digests;

    private AdminTokens(IEnumerable<string> tokens) => _digests = tokens.Select(Digest).ToArray();

    /// <summary>Reads the tokens; when <paramref name="create"/> is set and the file is missing,
    /// first writes one new random token to it with mode 0600.</summary>
    /// <exception cref="InvalidDataException">The file is missing, readable by others, too large,
    /// or holds no token of at least <see cref="MinLength"/> characters.</exception>
    public static AdminTokens Load(string path, bool create)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (create && !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var token = Base64UrlToken();
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(path, options);
                stream.Write(Encoding.ASCII.GetBytes(token + "\n"));
                stream.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; read theirs.
            }
        }

        return new AdminTokens(ReadTokens(path));
    }

    /// <summary>The first token in the file, for the CLI.</summary>
    /// <exception cref="InvalidDataException">As for <see cref="Load"/>.</exception>
    public static string ReadFirst(string path) => ReadTokens(path)[0];

    /// <summary>True when <paramref name="presented"/> is one of the tokens.</summary>
    public bool IsValid(string presented)
    {
        ArgumentNullException.ThrowIfNull(presented);
        var digest = Digest(presented);
        var ok = false;
        foreach (var d in _digests)
        {
            ok |= CryptographicOperations.FixedTimeEquals(d, digest);
        }

        return ok;
    }

    private static List<string> ReadTokens(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: admin token file does not exist");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode)0x3F) != 0)
        {
            throw new InvalidDataException($"{path}: admin token file is readable or writable by group/others; chmod 600 it");
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new InvalidDataException($"{path}: admin token file is larger than {MaxFileBytes} bytes");
        }

        var tokens = new List<string>();
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.Length < MinLength || line.Any(char.IsWhiteSpace))
            {
                throw new InvalidDataException($"{path}: each token must be at least {MinLength} characters without spaces");
            }

            tokens.Add(line);
        }

        return tokens.Count > 0 ? tokens : throw new InvalidDataException($"{path}: admin token file holds no token");
    }

    private static string Base64UrlToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
