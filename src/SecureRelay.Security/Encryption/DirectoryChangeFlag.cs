namespace SecureRelay.Security.Encryption;

/// <summary>
/// Watches a key or certificate directory and raises a flag on any change; the owner re-reads the
/// directory lazily on its next lookup (so a burst of file writes costs one reload). Shared by the
/// S/MIME certificate directory and the PGP key directory.
/// </summary>
internal sealed class DirectoryChangeFlag : IDisposable
{
    private readonly FileSystemWatcher? _watcher;
    private volatile bool _changed;

    /// <summary>Starts watching <paramref name="directory"/> when <paramref name="enabled"/> and it exists.</summary>
    public DirectoryChangeFlag(string directory, bool enabled)
    {
        if (!enabled || !Directory.Exists(directory))
        {
            return;
        }

        _watcher = new FileSystemWatcher(directory) { IncludeSubdirectories = false, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += (_, _) => _changed = true;
        _watcher.Created += (_, _) => _changed = true;
        _watcher.Deleted += (_, _) => _changed = true;
        _watcher.Renamed += (_, _) => _changed = true;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>True once something changed since the last <see cref="Reset"/>.</summary>
    public bool IsSet => _changed;

    /// <summary>Clears the flag (called at the start of a reload).</summary>
    public void Reset() => _changed = false;

    /// <inheritdoc />
    public void Dispose() => _watcher?.Dispose();
}
