using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace SecureRelay.Smtp;

/// <summary>
/// Connection and AUTH state that outlives one connection: open connections in all and per client address,
/// whether the server is under stress, and recent AUTH failures per address and per user name. One instance
/// may be shared by several listeners so the limits apply server-wide. Thread-safe.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The stress CancellationTokenSource has no timer and no wait handle: nothing to release, and sessions may register on its token until they end.")]
public sealed class SmtpClientTracker
{
    private readonly ConcurrentDictionary<IPAddress, int> _connections = new();
    private readonly AuthAttemptLimiter<IPAddress> _addressAttempts;
    private readonly AuthAttemptLimiter<string> _userAttempts;
    private readonly Lock _stressLock = new();
    private CancellationTokenSource _stress = new();
    private int _open;
    private bool _stressed;

    /// <summary>Creates a tracker using <paramref name="timeProvider"/> (default: system clock).</summary>
    public SmtpClientTracker(TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        _addressAttempts = new AuthAttemptLimiter<IPAddress>(time);
        _userAttempts = new AuthAttemptLimiter<string>(time, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Open connections counted by <see cref="TryOpenServerConnection"/>.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    /// <summary>Cancelled when the server comes under stress (more than <see cref="SmtpLimits.StressThreshold"/>
    /// connections open); a fresh token is handed out once it is no longer.</summary>
    public CancellationToken StressToken => Volatile.Read(ref _stress).Token;

    /// <summary>True while more than <see cref="SmtpLimits.StressThreshold"/> connections are open.</summary>
    public bool IsUnderStress(SmtpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Volatile.Read(ref _open) > limits.StressThreshold;
    }

    /// <summary>Counts a new connection unless <see cref="SmtpLimits.MaxConnections"/> are already open.
    /// Returns false (and counts nothing) when the server is full. Crossing
    /// <see cref="SmtpLimits.StressThreshold"/> cancels <see cref="StressToken"/>.</summary>
    public bool TryOpenServerConnection(SmtpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var open = Interlocked.Increment(ref _open);
        if (open > limits.MaxConnections)
        {
            Interlocked.Decrement(ref _open);
            return false;
        }

        UpdateStress(open > limits.StressThreshold);
        return true;
    }

    /// <summary>Releases a connection counted by <see cref="TryOpenServerConnection"/>.</summary>
    public void CloseServerConnection(SmtpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var open = Interlocked.Decrement(ref _open);
        UpdateStress(open > limits.StressThreshold);
    }

    private void UpdateStress(bool stressed)
    {
        if (stressed == Volatile.Read(ref _stressed))
        {
            return;
        }

        CancellationTokenSource? began = null;
        lock (_stressLock)
        {
            if (stressed == _stressed)
            {
                return;
            }

            _stressed = stressed;
            if (stressed)
            {
                began = _stress;
            }
            else
            {
                // The old source is not disposed: sessions may still be registering on its token.
                _stress = new CancellationTokenSource();
            }
        }

        // Outside the lock: this runs the callback of every session waiting for a command.
        began?.Cancel();
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

    /// <summary>Takes an AUTH attempt slot for <paramref name="address"/> before its credentials are checked,
    /// unless recent failures plus attempts in progress reach <paramref name="limit"/>. Every true must be
    /// followed by one <see cref="EndAuthAttempt"/>.</summary>
    public bool TryBeginAuthAttempt(IPAddress address, int limit, TimeSpan window) => _addressAttempts.TryBegin(Normalize(address), limit, window);

    /// <summary>Ends an attempt begun with <see cref="TryBeginAuthAttempt"/>; a failure counts for <paramref name="window"/>.</summary>
    public void EndAuthAttempt(IPAddress address, bool failed, TimeSpan window) => _addressAttempts.End(Normalize(address), failed, window);

    /// <summary>As <see cref="TryBeginAuthAttempt"/>, for a user name (compared ignoring case) from any address.</summary>
    public bool TryBeginUserAuthAttempt(string userName, int limit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return _userAttempts.TryBegin(userName, limit, window);
    }

    /// <summary>Ends an attempt begun with <see cref="TryBeginUserAuthAttempt"/>.</summary>
    public void EndUserAuthAttempt(string userName, bool failed, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(userName);
        _userAttempts.End(userName, failed, window);
    }

    /// <summary>Records one failed AUTH from <paramref name="address"/> outside an attempt slot.</summary>
    public void RecordAuthFailure(IPAddress address, TimeSpan window) => _addressAttempts.RecordFailure(Normalize(address), window);

    /// <summary>True when <paramref name="address"/> has at least <paramref name="limit"/> AUTH failures
    /// (attempts in progress included) within the last <paramref name="window"/>.</summary>
    public bool IsAuthLockedOut(IPAddress address, int limit, TimeSpan window) => _addressAttempts.IsLockedOut(Normalize(address), limit, window);

    private static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
    }
}
