namespace SecureRelay.Security.Encryption;

/// <summary>The files a key or certificate directory offers (<c>pgp.keys_dir</c>,
/// <c>smime.certificates_dir</c>): those with one of the given extensions, at most
/// <see cref="MaxFiles"/>, in ordinal name order. A missing directory offers none.</summary>
internal static class KeyDirectoryFiles
{
    /// <summary>Files read from one directory at most.</summary>
    public const int MaxFiles = 100_000;

    /// <summary>The files to read, in a stable order.</summary>
    public static IEnumerable<string> List(string directory, IReadOnlyCollection<string> extensions) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory)
                .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Take(MaxFiles)
                .Order(StringComparer.Ordinal)
            : [];
}
