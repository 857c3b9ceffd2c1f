using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SecureRelay.Security.Encryption;

/// <summary>
/// Web Key Directory client (draft-koch-openpgp-webkey-service): the advanced method
/// <c>https://openpgpkey.{domain}/.well-known/openpgpkey/{domain}/hu/{hash}?l={local}</c>, and the
/// direct method <c>https://{domain}/.well-known/openpgpkey/hu/{hash}?l={local}</c> only when the
/// <c>openpgpkey</c> host does not exist or does not answer. The hash is the z-base-32 encoded
/// SHA-1 of the lower-cased local part. Answers are size- and time-limited, transient errors are
/// retried (Polly), and results are cached. Only keys with a user id for the looked-up address
/// are accepted. Thread-safe.
/// </summary>
public sealed class WebKeyDirectoryClient
{
    private readonly HttpClient _http;
    private readonly WkdOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ConcurrentDictionary<string, (WkdLookupResult Result, DateTimeOffset Expires)> _cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the client over an injected <see cref="HttpClient"/> (owned by the caller).</summary>
    public WebKeyDirectoryClient(HttpClient httpClient, WkdOptions options, TimeProvider? timeProvider = null, ILogger<WebKeyDirectoryClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeoutSeconds is < 1 or > 300 || options.MaxKeyBytes is < 1024 or > 16 * 1024 * 1024 || options.RetryCount is < 0 or > 10)
        {
            throw new ArgumentException("pgp.wkd: timeout_seconds 1..300, max_key_bytes 1024..16777216, retry_count 0..10");
        }

        _http = httpClient;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;

        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.RetryCount > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.RetryCount,
                Delay = TimeSpan.FromMilliseconds(Math.Max(0, options.RetryDelayMs)),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>(e => !IsNoSuchHost(e))
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests),
            });
        }

        _pipeline = builder.AddTimeout(TimeSpan.FromSeconds(options.TimeoutSeconds)).Build();
    }

    /// <summary>z-base-32 of the SHA-1 of the lower-cased (ASCII) local part.</summary>
    public static string HashLocalPart(string localPart)
    {
        ArgumentNullException.ThrowIfNull(localPart);
        // The draft maps only ASCII upper case to lower case; other characters are hashed as UTF-8.
        var lowered = string.Create(localPart.Length, localPart, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = s[i] is >= 'A' and <= 'Z' ? (char)(s[i] + 32) : s[i];
            }
        });
#pragma warning disable CA5350 // SHA-1 is mandated by the WKD draft as a name mapping, not for security.
        return ZBase32.Encode(SHA1.HashData(Encoding.UTF8.GetBytes(lowered)));
#pragma warning restore CA5350
    }

    /// <summary>URL of the advanced method for an address.</summary>
    public Uri AdvancedUri(string address)
    {
        var (local, domain) = Split(address);
        var root = _options.AdvancedBaseUrl?.TrimEnd('/') ?? "https://openpgpkey." + domain;
        return new Uri($"{root}/.well-known/openpgpkey/{domain}/hu/{HashLocalPart(local)}?l={Uri.EscapeDataString(local)}");
    }

    /// <summary>URL of the direct method for an address.</summary>
    public Uri DirectUri(string address)
    {
        var (local, domain) = Split(address);
        var root = _options.DirectBaseUrl?.TrimEnd('/') ?? "https://" + domain;
        return new Uri($"{root}/.well-known/openpgpkey/hu/{HashLocalPart(local)}?l={Uri.EscapeDataString(local)}");
    }

    /// <summary>Looks up the key for <paramref name="address"/> (cached).</summary>
    /// <exception cref="ArgumentException">The address is not <c>local@domain</c>.</exception>
    public async Task<WkdLookupResult> LookupAsync(string address, CancellationToken cancellationToken = default)
    {
        var (_, domain) = Split(address);
        var key = address.Trim();
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Result with { FromCache = true };
        }

        WkdLookupResult result;
        if (!_options.Enabled)
        {
            result = new WkdLookupResult(WkdLookupStatus.NotFound, null, "WKD disabled");
        }
        else
        {
            result = await FetchAsync(key, domain, cancellationToken).ConfigureAwait(false);
        }

        EncryptionLog.WkdLookup(_logger, domain, result.Status);
        var ttl = result.Status switch
        {
            WkdLookupStatus.Found => TimeSpan.FromMinutes(_options.CacheMinutes),
            WkdLookupStatus.NotFound => TimeSpan.FromMinutes(_options.NegativeCacheMinutes),
            _ => TimeSpan.Zero, // failures are retried on the next lookup
        };
        if (ttl > TimeSpan.Zero)
        {
            if (_cache.Count >= _options.MaxCacheEntries)
            {
                foreach (var entry in _cache.Where(e => e.Value.Expires <= now).ToList())
                {
                    _cache.TryRemove(entry.Key, out _);
                }

                if (_cache.Count >= _options.MaxCacheEntries)
                {
                    _cache.Clear(); // bounded memory beats a perfect cache
                }
            }

            _cache[key] = (result, now + ttl);
        }

        return result;
    }

    /// <summary>Drops every cached answer.</summary>
    public void ClearCache() => _cache.Clear();

    private async Task<WkdLookupResult> FetchAsync(string address, string domain, CancellationToken cancellationToken)
    {
        var advanced = await FetchUriAsync(AdvancedUri(address), cancellationToken).ConfigureAwait(false);
        var answer = advanced;
        if (advanced.NoSuchHost)
        {
            // Only when the openpgpkey sub-domain is absent may the direct method be used.
            answer = await FetchUriAsync(DirectUri(address), cancellationToken).ConfigureAwait(false);
        }

        if (answer.Body is null)
        {
            if (answer.NotFound)
            {
                return new WkdLookupResult(WkdLookupStatus.NotFound, null, answer.Detail);
            }

            EncryptionLog.WkdFailed(_logger, domain, answer.Detail);
            return new WkdLookupResult(WkdLookupStatus.Failed, null, answer.Detail);
        }

        List<PgpPublicKeyRing> rings;
        try
        {
            rings = PgpKeyDirectory.ParseRings(new MemoryStream(answer.Body));
        }
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException)
        {
            EncryptionLog.WkdFailed(_logger, domain, "malformed key: " + e.Message);
            return new WkdLookupResult(WkdLookupStatus.Failed, null, "malformed key");
        }

        if (rings.Count == 0)
        {
            EncryptionLog.WkdFailed(_logger, domain, "answer holds no OpenPGP key");
            return new WkdLookupResult(WkdLookupStatus.Failed, null, "malformed key");
        }

        var now = _time.GetUtcNow();
        var wanted = address.ToLowerInvariant();
        PgpRecipientKey? best = null;
        var reason = "no key with a user id for this address";
        foreach (var ring in rings)
        {
            // The draft requires ignoring keys whose user ids do not name the looked-up address.
            if (!PgpKeyEvaluator.Addresses(ring).Contains(wanted))
            {
                continue;
            }

            var encryptionKey = PgpKeyEvaluator.EncryptionKey(ring, now, out reason);
            if (encryptionKey is not null && (best is null || encryptionKey.CreationTime > best.EncryptionKey.CreationTime))
            {
                best = new PgpRecipientKey(wanted, ring, encryptionKey, PgpKeyEvaluator.Fingerprint(ring), PgpKeyEvaluator.ExpiresAt(encryptionKey), "wkd");
            }
        }

        return best is null
            ? new WkdLookupResult(WkdLookupStatus.NotFound, null, reason)
            : new WkdLookupResult(WkdLookupStatus.Found, best, "");
    }

    private async Task<FetchAnswer> FetchUriAsync(Uri uri, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token => await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            return new FetchAnswer(null, false, IsNoSuchHost(e), "request failed: " + (e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString()));
        }
        catch (TimeoutRejectedException)
        {
            return new FetchAnswer(null, false, false, "timed out");
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return new FetchAnswer(null, true, false, "no key published");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new FetchAnswer(null, false, false, "HTTP " + (int)response.StatusCode);
            }

            if (response.Content.Headers.ContentLength > _options.MaxKeyBytes)
            {
                return new FetchAnswer(null, false, false, $"key larger than {_options.MaxKeyBytes} bytes");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            try
            {
                var body = await ReadLimitedAsync(response.Content, _options.MaxKeyBytes, timeout.Token).ConfigureAwait(false);
                return body is null
                    ? new FetchAnswer(null, false, false, $"key larger than {_options.MaxKeyBytes} bytes")
                    : new FetchAnswer(body, false, false, "");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new FetchAnswer(null, false, false, "timed out reading the key");
            }
            catch (HttpRequestException e)
            {
                return new FetchAnswer(null, false, false, "read failed: " + e.HttpRequestError);
            }
            catch (IOException e)
            {
                return new FetchAnswer(null, false, false, "read failed: " + e.Message);
            }
        }
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[limit + 1];
            var total = 0;
            while (total < buffer.Length)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return buffer[..total];
                }

                total += read;
            }

            return null; // more than limit bytes
        }
    }

    private static bool IsNoSuchHost(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError;

    private static (string Local, string Domain) Split(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            throw new ArgumentException("address must be local@domain", nameof(address));
        }

        return (trimmed[..at], trimmed[(at + 1)..].ToLowerInvariant());
    }

    private sealed record FetchAnswer(byte[]? Body, bool NotFound, bool NoSuchHost, string Detail);
}
