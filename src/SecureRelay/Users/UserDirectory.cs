using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SecureRelay.Configuration;
using SecureRelay.Smtp;

namespace SecureRelay.Users;

/// <summary>The configured SMTP AUTH users: checks passwords and which sender domains each may use.</summary>
public sealed class UserDirectory : ISmtpAuthenticator
{
    // A hash of a random password, verified for unknown users so that a miss costs what a hit costs.
    private static readonly string DummyHash = PasswordHasher.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)), 10_000 * 60);

    private readonly Dictionary<string, UserConfig> _users;
    private readonly TimeProvider _time;

    // PBKDF2 at 600k iterations costs ~0.2 s; applications that reconnect often would pay it each
    // time. Successful checks are remembered briefly under an HMAC with a per-process random key, so
    // no password or reusable hash of one is kept.
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _verified = new(StringComparer.Ordinal);
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Creates the directory from configuration.</summary>
    public UserDirectory(IEnumerable<UserConfig> users, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(users);
        _users = users.ToDictionary(u => u.Name, StringComparer.Ordinal);
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<bool> ValidateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var now = _time.GetUtcNow();
        var cacheKey = Convert.ToBase64String(HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes(userName + "\0" + password)));
        if (_verified.TryGetValue(cacheKey, out var until) && until > now && _users.ContainsKey(userName))
        {
            return ValueTask.FromResult(true);
        }

        bool ok;
        if (_users.TryGetValue(userName, out var user))
        {
            ok = PasswordHasher.Verify(password, user.PasswordHash);
        }
        else
        {
            // Same cost as a real check, so a miss does not reveal that the user does not exist.
            _ = PasswordHasher.Verify(password, DummyHash);
            ok = false;
        }
        if (ok)
        {
            if (_verified.Count > 10_000)
            {
                _verified.Clear();
            }

            _verified[cacheKey] = now + CacheLifetime;
        }

        return ValueTask.FromResult(ok);
    }

    /// <summary>True when <paramref name="userName"/> may use <paramref name="reversePath"/> as the
    /// envelope sender. Users without <c>sender_domains</c> may use any; the null sender is allowed.</summary>
    public bool MaySendAs(string userName, string reversePath)
    {
        ArgumentNullException.ThrowIfNull(reversePath);
        if (!_users.TryGetValue(userName, out var user) || user.SenderDomains is not { Count: > 0 } domains)
        {
            return _users.ContainsKey(userName);
        }

        if (reversePath.Length == 0)
        {
            return true;
        }

        var at = reversePath.LastIndexOf('@');
        if (at < 0)
        {
            return false;
        }

        var domain = reversePath[(at + 1)..].TrimEnd('.');
        foreach (var allowed in domains)
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? domain.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(domain, allowed, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
