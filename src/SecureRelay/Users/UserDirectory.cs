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
    /// envelope sender: its domain (after the last <c>@</c>, past any quoted local part) is one the
    /// user may use. The null sender needs <c>allow_null_sender</c>; an unknown user may use nothing.</summary>
    public bool MaySendAs(string userName, string reversePath)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(reversePath);
        if (!_users.TryGetValue(userName, out var user))
        {
            return false;
        }

        if (reversePath.Length == 0)
        {
            return user.AllowNullSender;
        }

        return EnvelopeDomain(reversePath) is { } domain && MayUseDomain(user, domain);
    }

    /// <summary>True when <paramref name="userName"/> may use <paramref name="domain"/> (a header
    /// address's domain, or the domain of a DKIM key). Users without <c>sender_domains</c> may use
    /// any; an unknown user (removed from the configuration since) may use none.</summary>
    public bool MayUseDomain(string userName, string domain)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(domain);
        return _users.TryGetValue(userName, out var user) && MayUseDomain(user, domain);
    }

    /// <summary>True when the user has <c>sender_domains</c> (and so headers need checking).</summary>
    public bool IsRestricted(string userName) =>
        !_users.TryGetValue(userName, out var user) || user.SenderDomains is { Count: > 0 };

    /// <summary>The domain of an RFC 5321 mailbox as the SMTP parser kept it (quoted local part
    /// included): whatever follows the <c>@</c> that ends the local part. A quoted local part may
    /// itself hold <c>@</c> (<c>"x@other.example"@clinic.example</c>), so the quoted string is
    /// skipped first; null when there is no domain.</summary>
    public static string? EnvelopeDomain(string mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var i = 0;
        if (mailbox.StartsWith('"'))
        {
            // RFC 5321 §4.1.2 Quoted-string: DQUOTE *QcontentSMTP DQUOTE, with backslash pairs.
            for (i = 1; i < mailbox.Length && mailbox[i] != '"'; i++)
            {
                if (mailbox[i] == '\\')
                {
                    i++;
                }
            }

            if (i >= mailbox.Length)
            {
                return null;
            }

            i++;
            if (i >= mailbox.Length || mailbox[i] != '@')
            {
                return null;
            }
        }
        else
        {
            i = mailbox.IndexOf('@', StringComparison.Ordinal);
            if (i < 0)
            {
                return null;
            }
        }

        var domain = mailbox[(i + 1)..].TrimEnd('.');
        // A second '@' after the local part is no mailbox; never guess which domain was meant.
        return domain.Length == 0 || domain.Contains('@', StringComparison.Ordinal) ? null : domain;
    }

    private static bool MayUseDomain(UserConfig user, string domain)
    {
        if (user.SenderDomains is not { Count: > 0 } domains)
        {
            return true;
        }

        domain = domain.TrimEnd('.');
        foreach (var allowed in domains)
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? domain.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(domain, allowed.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
