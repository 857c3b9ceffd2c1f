using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SecureRelay.Spool.Sqlite;

namespace SecureRelay.Spool;

/// <summary>The spool's key ring on disk: the current key file (created on first run: 32 random
/// bytes, mode 0600, directory 0700) writes new records; every other <c>*.key</c> file in the same
/// directory, and any configured retired key file, still decrypts older records.</summary>
public sealed class SpoolKeyStore : IDisposable
{
    private const UnixFileMode DirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
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
        string fullPath = Path.GetFullPath(keyFile);
        string dir = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(dir))
        {
            CreatePrivateDirectory(dir);
        }

        if (!File.Exists(fullPath))
        {
            CreateKeyFile(fullPath);
            SpoolLog.KeyCreated(logger, SpoolKey.ComputeId(File.ReadAllBytes(fullPath)));
        }

        var current = new SpoolKey(ReadKeyFile(fullPath, logger));
        var keys = new Dictionary<uint, SpoolKey> { [current.Id] = current };
        IEnumerable<string> others = Directory.EnumerateFiles(dir, "*.key")
            .Where(f => !string.Equals(Path.GetFullPath(f), fullPath, StringComparison.Ordinal))
            .Concat(retiredKeyFiles.Select(Path.GetFullPath))
            .Distinct(StringComparer.Ordinal);
        foreach (string file in others)
        {
            var key = new SpoolKey(ReadKeyFile(file, logger));
            if (!keys.TryAdd(key.Id, key))
            {
                key.Dispose();
            }
        }

        return new SpoolKeyStore(current, keys);
    }

    /// <summary>Rotation: renames the current key file to <c>spool-&lt;keyid&gt;.key</c> beside it (so it
    /// keeps decrypting old records) and creates a new current key. Takes effect at the next open.</summary>
    /// <returns>The retired file's path.</returns>
    public static string Rotate(string keyFile)
    {
        string fullPath = Path.GetFullPath(keyFile);
        uint oldId = SpoolKey.ComputeId(File.ReadAllBytes(fullPath));
        string retired = Path.Combine(Path.GetDirectoryName(fullPath)!, $"spool-{oldId:x8}.key");
        File.Move(fullPath, retired, overwrite: false);
        CreateKeyFile(fullPath);
        return retired;
    }

    private static void CreatePrivateDirectory(string dir)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(dir);
        }
        else
        {
            Directory.CreateDirectory(dir, DirMode);
        }
    }

    private static void CreateKeyFile(string path)
    {
        Span<byte> material = stackalloc byte[32];
        RandomNumberGenerator.Fill(material);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = PrivateFileMode;
        }

        using (var fs = new FileStream(path, options))
        {
            fs.Write(material);
            fs.Flush(flushToDisk: true);
        }

        CryptographicOperations.ZeroMemory(material);
    }

    private static byte[] ReadKeyFile(string path, ILogger logger)
    {
        byte[] material;
        try
        {
            material = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new SpoolException($"Cannot read spool key file {path}.", innerException: ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new SpoolException($"Cannot read spool key file {path}.", innerException: ex);
        }

        if (material.Length != 32)
        {
            throw new SpoolException($"Spool key file {path} must hold exactly 32 bytes, found {material.Length}.");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & (UnixFileMode)0b000_111_111) != 0)
        {
            SpoolLog.KeyFileTooOpen(logger, path);
        }

        return material;
    }

    /// <summary>Wipes the keys from memory.</summary>
    public void Dispose()
    {
        foreach (SpoolKey key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
