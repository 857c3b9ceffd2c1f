using System.Collections.Concurrent;

namespace SecureRelay.Smtp;

/// <summary>
/// Failed AUTH attempts per key (an address or a user name) in a sliding window. An attempt takes its slot
/// before the credentials are checked and gives it back only if they were right, so attempts made in
/// parallel count as failures while they are checked: none gets past the limit by racing the others.
/// Thread-safe.
/// </summary>
internal sealed class AuthAttemptLimiter<TKey>
    where TKey : notnull
{
    /// <summary>Keys held before a sweep drops those whose failures all expired (each key is otherwise
    /// only pruned when it is used again).</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private readonly TimeProvider _time;
    private int _sweeping;

    public AuthAttemptLimiter(TimeProvider time, IEqualityComparer<TKey>? comparer = null)
    {
        _time = time;
        _entries = new ConcurrentDictionary<TKey, Entry>(comparer);
    }

    /// <summary>Takes a slot for an attempt unless recent failures plus attempts in progress already reach
    /// <paramref name="limit"/>. Every true must be followed by exactly one <see cref="End"/>.</summary>
    public bool TryBegin(TKey key, int limit, TimeSpan window)
    {
        if (_entries.Count > SweepAbove)
        {
            Sweep(window);
        }

        while (true)
        {
            var entry = _entries.GetOrAdd(key, static _ => new Entry());
            lock (entry)
            {
                if (entry.Removed)
                {
                    continue; // swept away between GetOrAdd and the lock: take the new one
                }

                Prune(entry, _time.GetTimestamp(), window);
                if (entry.Failures.Count + entry.InProgress >= limit)
                {
                    return false;
                }

                entry.InProgress++;
                return true;
            }
        }
    }

    /// <summary>Ends an attempt begun with <see cref="TryBegin"/>: a failure keeps its slot for the window;
    /// success (or an attempt that checked no credentials) gives it back.</summary>
    public void End(TKey key, bool failed, TimeSpan window)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            throw new InvalidOperationException("AUTH attempt ended that was never begun");
        }

        lock (entry)
        {
            entry.InProgress--;
            var now = _time.GetTimestamp();
            if (failed)
            {
                entry.Failures.Enqueue(now);
            }

            Prune(entry, now, window);
            RemoveIfIdle(key, entry);
        }
    }

    /// <summary>Records a failure without an attempt slot.</summary>
    public void RecordFailure(TKey key, TimeSpan window)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(key, static _ => new Entry());
            lock (entry)
            {
                if (entry.Removed)
                {
                    continue;
                }

                var now = _time.GetTimestamp();
                Prune(entry, now, window);
                entry.Failures.Enqueue(now);
                return;
            }
        }
    }

    /// <summary>True when recent failures plus attempts in progress reach <paramref name="limit"/>.</summary>
    public bool IsLockedOut(TKey key, int limit, TimeSpan window)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return false;
        }

        lock (entry)
        {
            Prune(entry, _time.GetTimestamp(), window);
            var count = entry.Failures.Count + entry.InProgress;
            RemoveIfIdle(key, entry);
            return count >= limit;
        }
    }

    private void Sweep(TimeSpan window)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) != 0)
        {
            return;
        }

        try
        {
            var now = _time.GetTimestamp();
            foreach (var (key, entry) in _entries)
            {
                lock (entry)
                {
                    Prune(entry, now, window);
                    RemoveIfIdle(key, entry);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    /// <summary>Keeps the dictionary from growing with every key that ever failed once. Caller holds the lock.</summary>
    private void RemoveIfIdle(TKey key, Entry entry)
    {
        if (entry.InProgress == 0 && entry.Failures.Count == 0 && !entry.Removed)
        {
            entry.Removed = true;
            _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        }
    }

    private void Prune(Entry entry, long now, TimeSpan window)
    {
        while (entry.Failures.Count > 0 && _time.GetElapsedTime(entry.Failures.Peek(), now) > window)
        {
            entry.Failures.Dequeue();
        }
    }

    private sealed class Entry
    {
        public Queue<long> Failures { get; } = new();

        public int InProgress { get; set; }

        public bool Removed { get; set; }
    }
}
