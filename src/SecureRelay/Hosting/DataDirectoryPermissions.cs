using System.Runtime.InteropServices;

namespace SecureRelay.Hosting;

/// <summary>
/// Keeps everything under <c>data_dir</c> private to the relay's user: the spool, escrow, stores and
/// audit trail hold PHI or metadata about it. The process umask becomes 077, so whatever any library
/// creates (SQLite's -wal/-shm, the audit log, directories) is 0600/0700; and at start-up what an
/// older version or an operator left group/world-accessible is tightened.
/// </summary>
public static class DataDirectoryPermissions
{
    /// <summary>Most entries visited by <see cref="Tighten"/> (the spool keeps bodies inside
    /// SQLite, so a data directory holds a few dozen files).</summary>
    public const int MaxEntries = 1_000_000;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Sets the process umask to 077 (no-op on Windows).</summary>
    public static void RestrictUmask()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0x3F);
        }
    }

    /// <summary>Sets every directory under <paramref name="root"/> (itself included) to 0700 and
    /// every file to 0600. Symbolic links are neither followed nor changed. Returns how many entries
    /// were changed.</summary>
    /// <exception cref="InvalidOperationException">More than <see cref="MaxEntries"/> entries.</exception>
    public static int Tighten(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (OperatingSystem.IsWindows() || !Directory.Exists(root))
        {
            return 0;
        }

        var changed = 0;
        var seen = 0;
        // Own walk instead of a recursive enumeration, so a symbolic link to a directory is never
        // followed out of data_dir.
        var pending = new Stack<string>();
        pending.Push(root);
        changed += Set(root, DirectoryMode) ? 1 : 0;
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos())
            {
                if (++seen > MaxEntries)
                {
                    throw new InvalidOperationException($"{root}: more than {MaxEntries} entries; is data_dir the right directory?");
                }

                if (entry.LinkTarget is not null)
                {
                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    changed += Set(entry.FullName, DirectoryMode) ? 1 : 0;
                    pending.Push(entry.FullName);
                }
                else
                {
                    changed += Set(entry.FullName, FileMode) ? 1 : 0;
                }
            }
        }

        return changed;
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static bool Set(string path, UnixFileMode mode)
    {
        if (File.GetUnixFileMode(path) == mode)
        {
            return false;
        }

        File.SetUnixFileMode(path, mode);
        return true;
    }

    // DllImport, not LibraryImport: the latter needs AllowUnsafeBlocks for a call with no pointers.
    [DllImport("libc", EntryPoint = "umask", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
