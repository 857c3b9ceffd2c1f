namespace SecureRelay.Testing;

/// <summary>Current and peak number of concurrent holders.</summary>
public sealed class ConcurrencyCounter
{
    private int _current;
    private int _peak;

    /// <summary>The most holders seen at once.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>One more holder; raises <see cref="Peak"/> when it is a new high.</summary>
    public void Enter()
    {
        int now = Interlocked.Increment(ref _current);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
    }

    /// <summary>One holder fewer.</summary>
    public void Exit() => Interlocked.Decrement(ref _current);
}
