using System.Collections.Concurrent;

namespace SecureRelay.Security.Tls;

/// <summary>
/// <see cref="ITlsCapabilityCache"/> in memory: entries expire <c>tls.capability_cache_seconds</c>
/// after they were observed; bounded to <c>tls.policy_cache_max_entries</c> entries.
/// </summary>
public sealed class InMemoryTlsCapabilityCache : ITlsCapabilityCache
{
    private readonly ConcurrentDictionary<string, TlsCapability> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _ttl;
    private readonly int _maxEntries;
    private readonly TimeProvider _time;

    /// <summary>Creates a cache from the <c>tls:</c> options.</summary>
    public InMemoryTlsCapabilityCache(TlsOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ttl = TimeSpan.FromSeconds(options.CapabilityCacheSeconds);
        _maxEntries = options.PolicyCacheMaxEntries;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Number of entries held, expired ones included until purged.</summary>
    public int Count => _entries.Count;

    /// <inheritdoc/>
    public ValueTask<TlsCapability?> GetAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var key = HostnameMatcher.Normalize(destination);
        if (_entries.TryGetValue(key, out var entry))
        {
            if (!IsExpired(entry, _time.GetUtcNow()))
            {
                return ValueTask.FromResult<TlsCapability?>(entry);
            }

            _entries.TryRemove(new KeyValuePair<string, TlsCapability>(key, entry));
        }

        return ValueTask.FromResult<TlsCapability?>(null);
    }

    /// <inheritdoc/>
    public ValueTask RecordAsync(TlsCapability capability, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(capability);
        var key = HostnameMatcher.Normalize(capability.Destination);
        if (_entries.Count >= _maxEntries && !_entries.ContainsKey(key))
        {
            var now = _time.GetUtcNow();
            foreach (var item in _entries.Where(kv => IsExpired(kv.Value, now)).ToList())
            {
                _entries.TryRemove(item);
            }

            if (_entries.Count >= _maxEntries)
            {
                // Still full of live entries: drop the oldest observation rather than grow without bound.
                var oldest = _entries.MinBy(kv => kv.Value.ObservedAt);
                _entries.TryRemove(oldest);
            }
        }

        _entries[key] = capability with { Destination = key };
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask InvalidateAsync(string destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        _entries.TryRemove(HostnameMatcher.Normalize(destination), out _);
        return ValueTask.CompletedTask;
    }

    private bool IsExpired(TlsCapability entry, DateTimeOffset now) => entry.ObservedAt + _ttl <= now;
}
