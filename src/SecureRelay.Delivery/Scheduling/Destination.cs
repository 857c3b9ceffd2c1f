using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace SecureRelay.Delivery.Scheduling;

/// <summary>The ready tier for one destination: its queue of transactions, its connection limit and
/// its message rate limit.</summary>
internal sealed class Destination : IDisposable
{
    private int _idle;

    public Destination(string key, DestinationLimits limits)
    {
        Key = key;
        Limits = limits;
        Connections = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, limits.MaxConnections), QueueLimit = 0 });
        if (limits.MessagesPerSecond > 0)
        {
            // Fine-grained refill for low rates (one token every 1/r s), 10 ms batches for high rates
            // so the replenishment timer does not spin.
            double r = limits.MessagesPerSecond;
            (int tokens, TimeSpan period) = r <= 100
                ? (1, TimeSpan.FromSeconds(1 / r))
                : ((int)Math.Round(r / 100), TimeSpan.FromMilliseconds(10));
            Rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = tokens,
                TokensPerPeriod = tokens,
                ReplenishmentPeriod = period,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });
        }
    }

    public string Key { get; }

    public DestinationLimits Limits { get; }

    /// <summary>Transactions ready to send. Each item is paired with one <see cref="Signal"/> count.</summary>
    public ConcurrentQueue<DeliveryJob> Ready { get; } = new();

    public SemaphoreSlim Signal { get; } = new(0);

    /// <summary>One permit per open (or opening) connection.</summary>
    public ConcurrencyLimiter Connections { get; }

    /// <summary>Messages per second, or null for unlimited.</summary>
    public TokenBucketRateLimiter? Rate { get; }

    /// <summary>Workers waiting for (or about to take) a job: a new connection is opened only when
    /// ready jobs outnumber them.</summary>
    public int Idle => Volatile.Read(ref _idle);

    public void IncrementIdle() => Interlocked.Increment(ref _idle);

    public void DecrementIdle() => Interlocked.Decrement(ref _idle);

    /// <summary>Queues a job; false when the destination was evicted meanwhile (get a fresh one).</summary>
    public bool TryEnqueue(DeliveryJob job)
    {
        lock (Ready)
        {
            if (Evicted)
            {
                return false;
            }

            Ready.Enqueue(job);
            Signal.Release();
            return true;
        }
    }

    /// <summary>Set once the destination left the scheduler's table.</summary>
    public bool Evicted { get; private set; }

    /// <summary>Marks the destination evicted when nothing is queued and no connection is open;
    /// returns whether it did.</summary>
    public bool TryEvict()
    {
        lock (Ready)
        {
            if (!Ready.IsEmpty || Idle != 0 || Connections.GetStatistics()?.CurrentAvailablePermits != Math.Max(1, Limits.MaxConnections))
            {
                return false;
            }

            Evicted = true;
            return true;
        }
    }

    /// <summary>Takes a job without waiting, or returns null.</summary>
    public DeliveryJob? TryTake()
    {
        if (!Signal.Wait(0))
        {
            return null;
        }

        Ready.TryDequeue(out DeliveryJob? job);
        return job;
    }

    public void Dispose()
    {
        Connections.Dispose();
        Rate?.Dispose();
        Signal.Dispose();
    }
}
