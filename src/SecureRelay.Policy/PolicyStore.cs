using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureRelay.Policy.Yaml;

namespace SecureRelay.Policy;

/// <summary>
/// Holds the current <see cref="CompiledPolicy"/> and swaps it atomically on reload. A file that fails
/// validation keeps the running policy, is logged and counted (<see cref="FailedReloads"/>, exported by
/// the host). The host calls <see cref="TryReload"/> on SIGHUP and from <see cref="PolicyFileWatcher"/>.
/// </summary>
public sealed class PolicyStore
{
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private CompiledPolicy _current;
    private long _failedReloads;
    private long _successfulReloads;

    /// <summary>Loads the file (or the built-in policy when <paramref name="path"/> is null).</summary>
    /// <exception cref="ConfigurationException">The file is wrong: start-up must stop.</exception>
    public PolicyStore(string? path, ILogger<PolicyStore>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Path = path;
        if (path is null)
        {
            _current = CompiledPolicy.Default;
            PolicyLog.BuiltInPolicy(_logger);
        }
        else
        {
            _current = PolicyCompiler.Load(path);
            PolicyLog.PolicyLoaded(_logger, path, _current.Rules.Count, _current.Domains.Count);
        }
    }

    /// <summary>Raised after a successful reload, with the new policy.</summary>
    public event EventHandler<CompiledPolicy>? Reloaded;

    /// <summary>The policy file, or null for the built-in policy.</summary>
    public string? Path { get; }

    /// <summary>The policy in force. Each read is a consistent snapshot.</summary>
    public CompiledPolicy Current => Volatile.Read(ref _current);

    /// <summary>Reloads that failed since start (for <c>securerelay_policy_reload_failures_total</c>).</summary>
    public long FailedReloads => Interlocked.Read(ref _failedReloads);

    /// <summary>Reloads that succeeded since start.</summary>
    public long SuccessfulReloads => Interlocked.Read(ref _successfulReloads);

    /// <summary>The reason of the last failed reload, or null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>Validates the file and, only if it is good, makes it current. Never throws for a bad file.</summary>
    public PolicyReloadResult TryReload()
    {
        if (Path is null)
        {
            return new PolicyReloadResult(true, null);
        }

        lock (_reloadLock)
        {
            CompiledPolicy next;
            try
            {
                next = PolicyCompiler.Load(Path);
            }
            catch (ConfigurationException e)
            {
                Interlocked.Increment(ref _failedReloads);
                LastError = e.Message;
                PolicyLog.ReloadFailed(_logger, e.Message);
                return new PolicyReloadResult(false, e.Message);
            }

            Volatile.Write(ref _current, next);
            Interlocked.Increment(ref _successfulReloads);
            LastError = null;
            PolicyLog.PolicyLoaded(_logger, Path, next.Rules.Count, next.Domains.Count);
            Reloaded?.Invoke(this, next);
            return new PolicyReloadResult(true, null);
        }
    }
}
