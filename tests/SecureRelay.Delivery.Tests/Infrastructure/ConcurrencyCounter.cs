namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>Current and peak number of concurrent holders.</summary>
public sealed class ConcurrencyCounter
{
    private int _current;
    private int _peak;

    public int Peak => Volatile.Read(ref _peak);

    public void Enter()
    {
        int now = Interlocked.Increment(ref _current);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
    }

    public void Exit() => Interlocked.Decrement(ref _current);
}
