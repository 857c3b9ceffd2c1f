namespace SecureRelay.Spool.Sqlite;

/// <summary>Fault points for crash tests. They exist only in Debug builds (Garnet's
/// ExceptionInjectionHelper idea); in Release every check compiles away.</summary>
internal sealed class SpoolFaults
{
#if DEBUG
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, the commit loop writes the next batch into the open transaction and then
    /// stops before COMMIT (before the fsync), as if the process died there.</summary>
    public volatile bool CrashAfterWriteBeforeFsync;

    /// <summary>Set by the loop once it is parked at the fault point.</summary>
    public volatile bool IsParked;

    internal void ParkUntilReleased()
    {
        IsParked = true;
        _release.Task.Wait();
    }

    internal void Release() => _release.TrySetResult();
#endif
}
