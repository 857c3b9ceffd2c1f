using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureRelay.Policy;

/// <summary>Reloads a <see cref="PolicyStore"/> when its file changes. Editors write files in several
/// steps (truncate, write, rename), so changes are debounced: one reload after the file has been quiet
/// for <c>debounce</c>.</summary>
public sealed class PolicyFileWatcher : IDisposable
{
    private readonly PolicyStore _store;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly TimeSpan _debounce;
    private readonly ILogger _logger;
    private int _disposed;

    /// <summary>Starts watching <see cref="PolicyStore.Path"/>.</summary>
    /// <exception cref="InvalidOperationException">The store has no file.</exception>
    public PolicyFileWatcher(PolicyStore store, TimeSpan? debounce = null, ILogger<PolicyFileWatcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Path is null)
        {
            throw new InvalidOperationException("the built-in policy has no file to watch");
        }

        _store = store;
        _debounce = debounce ?? TimeSpan.FromMilliseconds(500);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var full = System.IO.Path.GetFullPath(store.Path);
        _timer = new Timer(_ => Fire(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileName(full))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += (_, _) => Touch();
        _watcher.Created += (_, _) => Touch();
        _watcher.Renamed += (_, _) => Touch();
        _watcher.Error += (_, e) => PolicyLog.WatcherError(_logger, e.GetException());
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Raised after each reload attempt the watcher made.</summary>
    public event EventHandler<PolicyReloadResult>? ReloadAttempted;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _watcher.Dispose();
            _timer.Dispose();
        }
    }

    private void Touch()
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var result = _store.TryReload();
        ReloadAttempted?.Invoke(this, result);
    }
}
