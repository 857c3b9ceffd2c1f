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
/// retried (Polly). Only keys with a user id for the looked-up address are accepted.
/// <para>Caching: answers per address (found: <c>cache_minutes</c>, no key: <c>negative_cache_minutes</c>);
/// a failure of the domain's WKD service (no such host, refused, timeout, HTTP error) per domain for
/// <c>failure_cache_minutes</c>, logged once, so that a dead domain costs one probe, not one per
/// recipient per message. A domain without a recent answer is probed by one lookup at a time; the
/// others wait for its outcome instead of piling onto a server that may not answer. Thread-safe.</para>
/// </summary>
public sealed class WebKeyDirectoryClient
{
    private readonly HttpClient _http;
    private readonly WkdOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ConcurrentDictionary<string, (WkdLookupResult Result, DateTimeOffset Expires)> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, DomainState> _domains = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the client over an injected <see cref="HttpClient"/> (owned by the caller).</summary>
    public WebKeyDirectoryClient(HttpClient httpClient, WkdOptions options, TimeProvider? timeProvider = null, ILogger<WebKeyDirectoryClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TimeoutSeconds is < 1 or > 300 || options.MaxKeyBytes is < 1024 or > 16 * 1024 * 1024 || options.RetryCount is < 0 or > 10
            || options.FailureCacheMinutes is < 0 or > 1440)
        {
            throw new ArgumentException("pgp.wkd: timeout_seconds 1..300, max_key_bytes 1024..16777216, retry_count 0..10, failure_cache_minutes 0..1440");
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

    /// <summary>Looks up the key for <paramref name="address"/> (cached; see the class remarks).</summary>
    /// <exception cref="ArgumentException">The address is not <c>local@domain</c>.</exception>
    public async Task<WkdLookupResult> LookupAsync(string address, CancellationToken cancellationToken = default)
    {
        var (_, domain) = Split(address);
        var key = address.Trim();
        if (Cached(key, domain) is { } early)
        {
            return early;
        }

        if (!_options.Enabled)
        {
            return new WkdLookupResult(WkdLookupStatus.NotFound, null, "WKD disabled", Problem: KeyProblem.NotConfigured);
        }

        var state = DomainFor(domain);
        var probe = !state.AnsweredRecently(_time.GetUtcNow());
        if (probe)
        {
            await state.Probe.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            // Whoever held the probe before us may have settled this address or the whole domain.
            if (probe && Cached(key, domain) is { } settled)
            {
                return settled;
            }

            var result = await FetchAsync(key, domain, cancellationToken).ConfigureAwait(false);
            Record(key, domain, state, result);
            return result;
        }
        finally
        {
            if (probe)
            {
                state.Probe.Release();
            }
        }
    }

    /// <summary>Drops every cached answer and domain failure.</summary>
    public void ClearCache()
    {
        _cache.Clear();
        _domains.Clear();
    }

    private WkdLookupResult? Cached(string key, string domain)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Result with { FromCache = true };
        }

        return _domains.TryGetValue(domain, out var state) && state.FailureAt(now) is { } failure ? failure with { FromCache = true } : null;
    }

    private DomainState DomainFor(string domain)
    {
        if (_domains.Count >= _options.MaxCacheEntries && !_domains.ContainsKey(domain))
        {
            var now = _time.GetUtcNow();
            foreach (var entry in _domains.Where(e => e.Value.IsStale(now)).ToList())
            {
                _domains.TryRemove(entry.Key, out _);
            }
        }

        return _domains.GetOrAdd(domain, _ => new DomainState());
    }

    private void Record(string key, string domain, DomainState state, WkdLookupResult result)
    {
        var now = _time.GetUtcNow();
        EncryptionLog.WkdLookup(_logger, domain, result.Status);
        TimeSpan ttl;
        if (result.Status == WkdLookupStatus.Failed && result.Problem?.WkdFailure is WkdFailureKind.NoSuchHost or WkdFailureKind.ConnectionFailed or WkdFailureKind.Timeout or WkdFailureKind.HttpError)
        {
            // The domain's service is down or absent: every address there would fail the same way.
            var minutes = _options.FailureCacheMinutes;
            if (state.Fail(result, now + TimeSpan.FromMinutes(minutes), now))
            {
                EncryptionLog.WkdFailed(_logger, domain, result.Problem.WkdFailure.Value.ToName(), result.Detail, minutes);
            }

            return;
        }

        if (result.Status == WkdLookupStatus.Failed)
        {
            // Too large or malformed: this address's answer is bad, the domain's service works.
            state.Answered(now + TimeSpan.FromMinutes(_options.NegativeCacheMinutes));
            EncryptionLog.WkdFailed(_logger, domain, result.Problem!.WkdFailure!.Value.ToName(), result.Detail, _options.FailureCacheMinutes);
            ttl = TimeSpan.FromMinutes(_options.FailureCacheMinutes);
        }
        else
        {
            state.Answered(now + TimeSpan.FromMinutes(_options.NegativeCacheMinutes));
            ttl = result.Status == WkdLookupStatus.Found ? TimeSpan.FromMinutes(_options.CacheMinutes) : TimeSpan.FromMinutes(_options.NegativeCacheMinutes);
        }

        if (ttl <= TimeSpan.Zero)
        {
            return;
        }

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

    private async Task<WkdLookupResult> FetchAsync(string address, string domain, CancellationToken cancellationToken)
    {
        var advanced = await FetchUriAsync(AdvancedUri(address), cancellationToken).ConfigureAwait(false);
        var answer = advanced;
        if (advanced.Unreachable)
        {
            // Only when the openpgpkey sub-domain is absent may the direct method be used.
            answer = await FetchUriAsync(DirectUri(address), cancellationToken).ConfigureAwait(false);
        }

        if (answer.Body is null)
        {
            return answer.NotFound
                ? new WkdLookupResult(WkdLookupStatus.NotFound, null, answer.Detail, Problem: KeyProblem.NoAddressMatch)
                : Failed(answer.Kind ?? WkdFailureKind.ConnectionFailed, answer.Detail);
        }

        List<PgpPublicKeyRing> rings;
        try
        {
            rings = PgpKeyDirectory.ParseRings(new MemoryStream(answer.Body));
        }
        catch (Exception e) when (e is IOException or PgpException or ArgumentException or InvalidOperationException)
        {
            return Failed(WkdFailureKind.MalformedKey, "malformed key: " + e.Message);
        }

        if (rings.Count == 0)
        {
            return Failed(WkdFailureKind.MalformedKey, "answer holds no OpenPGP key");
        }

        var now = _time.GetUtcNow();
        var wanted = address.ToLowerInvariant();
        PgpRecipientKey? best = null;
        var refusal = RecipientKeyRefusal.NoAddressMatch;
        foreach (var ring in rings)
        {
            // The draft requires ignoring keys whose user ids do not name the looked-up address.
            if (!PgpKeyEvaluator.Addresses(ring).Contains(wanted))
            {
                continue;
            }

            var encryptionKey = PgpKeyEvaluator.EncryptionKey(ring, now, out refusal);
            if (encryptionKey is not null && (best is null || encryptionKey.CreationTime > best.EncryptionKey.CreationTime))
            {
                best = new PgpRecipientKey(wanted, ring, encryptionKey, PgpKeyEvaluator.Fingerprint(ring), PgpKeyEvaluator.ExpiresAt(encryptionKey), "wkd");
            }
        }

        return best is null
            ? new WkdLookupResult(WkdLookupStatus.NotFound, null, refusal == RecipientKeyRefusal.NoAddressMatch ? "no key with a user id for this address" : refusal.ToName(), Problem: new KeyProblem(refusal))
            : new WkdLookupResult(WkdLookupStatus.Found, best, "");
    }

    private static WkdLookupResult Failed(WkdFailureKind kind, string detail) =>
        new(WkdLookupStatus.Failed, null, detail, Problem: new KeyProblem(RecipientKeyRefusal.WkdLookupFailed, kind));

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
            return new FetchAnswer(null, false, e.HttpRequestError == HttpRequestError.NameResolutionError ? WkdFailureKind.NoSuchHost : WkdFailureKind.ConnectionFailed,
                "request failed: " + (e.HttpRequestError == HttpRequestError.Unknown ? e.Message : e.HttpRequestError.ToString()), IsNoSuchHost(e));
        }
        catch (TimeoutRejectedException)
        {
            return new FetchAnswer(null, false, WkdFailureKind.Timeout, "timed out");
        }

        using (response)
        {
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return new FetchAnswer(null, true, null, "no key published");
            }

            if (!response.IsSuccessStatusCode)
            {
                return new FetchAnswer(null, false, WkdFailureKind.HttpError, "HTTP " + (int)response.StatusCode);
            }

            if (response.Content.Headers.ContentLength > _options.MaxKeyBytes)
            {
                return new FetchAnswer(null, false, WkdFailureKind.TooLarge, $"key larger than {_options.MaxKeyBytes} bytes");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            try
            {
                var body = await ReadLimitedAsync(response.Content, _options.MaxKeyBytes, timeout.Token).ConfigureAwait(false);
                return body is null
                    ? new FetchAnswer(null, false, WkdFailureKind.TooLarge, $"key larger than {_options.MaxKeyBytes} bytes")
                    : new FetchAnswer(body, false, null, "");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new FetchAnswer(null, false, WkdFailureKind.Timeout, "timed out reading the key");
            }
            catch (HttpRequestException e)
            {
                return new FetchAnswer(null, false, WkdFailureKind.ConnectionFailed, "read failed: " + e.HttpRequestError);
            }
            catch (IOException e)
            {
                return new FetchAnswer(null, false, WkdFailureKind.ConnectionFailed, "read failed: " + e.Message);
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

    /// <summary>One HTTP answer, or how the request failed.</summary>
    /// <param name="Body">The key bytes on 200.</param>
    /// <param name="NotFound">404 or 410: no key published.</param>
    /// <param name="Kind">How it failed, null on 200/404/410.</param>
    /// <param name="Detail">Reason for logs (no PHI).</param>
    /// <param name="Unreachable">The host does not exist or refused the connection: the direct method may be tried.</param>
    private sealed record FetchAnswer(byte[]? Body, bool NotFound, WkdFailureKind? Kind, string Detail, bool Unreachable = false);

    /// <summary>What is known about one domain's WKD service.</summary>
    private sealed class DomainState
    {
        private readonly Lock _lock = new();
        private WkdLookupResult? _failure;
        private DateTimeOffset _failedUntil;
        private DateTimeOffset _answeredUntil;

        /// <summary>Held by the one lookup that probes a domain without a recent answer.</summary>
        public SemaphoreSlim Probe { get; } = new(1, 1);

        public bool AnsweredRecently(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _answeredUntil > now;
            }
        }

        public WkdLookupResult? FailureAt(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _failedUntil > now ? _failure : null;
            }
        }

        public bool IsStale(DateTimeOffset now)
        {
            lock (_lock)
            {
                return _failedUntil <= now && _answeredUntil <= now && Probe.CurrentCount == 1;
            }
        }

        public void Answered(DateTimeOffset until)
        {
            lock (_lock)
            {
                _answeredUntil = until;
                _failure = null;
                _failedUntil = default;
            }
        }

        /// <summary>Records a failure; true when the domain was not already failing (log it then).</summary>
        public bool Fail(WkdLookupResult failure, DateTimeOffset until, DateTimeOffset now)
        {
            lock (_lock)
            {
                var fresh = _failedUntil <= now;
                _failure = failure;
                _failedUntil = until;
                _answeredUntil = default;
                return fresh;
            }
        }
    }
}
