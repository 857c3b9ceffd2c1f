using System.Collections.Concurrent;
using System.Net;

namespace SecureRelay.Smtp;

/// <summary>
/// Per-client-address state that outlives one connection: concurrent connection counts and recent AUTH
/// failures. One instance may be shared by several listeners so the limits apply server-wide.
/// Thread-safe.
/// </summary>
public sealed class SmtpClientTracker
{
    private readonly ConcurrentDictionary<IPAddress, int> _connections = new();
    private readonly ConcurrentDictionary<IPAddress, Queue<long>> _authFailures = new();
    private readonly TimeProvider _time;

    /// <summary>Creates a tracker using <paramref name="timeProvider"/> (default: system clock).</summary>
    public SmtpClientTracker(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Current number of open connections from <paramref name="address"/>.</summary>
    public int ConnectionCount(IPAddress address) => _connections.TryGetValue(Normalize(address), out var n) ? n : 0;

    /// <summary>Counts a new connection from <paramref name="address"/> unless that would exceed
    /// <paramref name="limit"/>. Returns false (and counts nothing) when the limit is reached.</summary>
    public bool TryOpenConnection(IPAddress address, int limit)
    {
        var key = Normalize(address);
        while (true)
        {
            if (_connections.TryGetValue(key, out var current))
            {
                if (current >= limit)
                {
                    return false;
                }

                if (_connections.TryUpdate(key, current + 1, current))
                {
                    return true;
                }
            }
            else if (_connections.TryAdd(key, 1))
            {
                return true;
            }
        }
    }

    /// <summary>Releases a connection counted by <see cref="TryOpenConnection"/>.</summary>
    public void CloseConnection(IPAddress address)
    {
        var key = Normalize(address);
        while (_connections.TryGetValue(key, out var current))
        {
            if (current <= 1)
            {
                if (_connections.TryRemove(new KeyValuePair<IPAddress, int>(key, current)))
                {
                    return;
                }
            }
            else if (_connections.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
    }

    /// <summary>Records one failed AUTH from <paramref name="address"/>.</summary>
    public void RecordAuthFailure(IPAddress address, TimeSpan window)
    {
        var queue = _authFailures.GetOrAdd(Normalize(address), static _ => new Queue<long>());
        var now = _time.GetTimestamp();
        lock (queue)
        {
            Prune(queue, now, window);
            queue.Enqueue(now);
        }
    }

    /// <summary>True when <paramref name="address"/> has at least <paramref name="limit"/> AUTH failures
    /// within the last <paramref name="window"/>.</summary>
    public bool IsAuthLockedOut(IPAddress address, int limit, TimeSpan window)
    {
        var key = Normalize(address);
        if (!_authFailures.TryGetValue(key, out var queue))
        {
            return false;
        }

        lock (queue)
        {
            Prune(queue, _time.GetTimestamp(), window);
            if (queue.Count == 0)
            {
                // Keeps the dictionary from growing with every address that ever failed once.
                _authFailures.TryRemove(new KeyValuePair<IPAddress, Queue<long>>(key, queue));
            }

            return queue.Count >= limit;
        }
    }

    private void Prune(Queue<long> queue, long now, TimeSpan window)
    {
        while (queue.Count > 0 && _time.GetElapsedTime(queue.Peek(), now) > window)
        {
            queue.Dequeue();
        }
    }

    private static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
