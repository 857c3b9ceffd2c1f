namespace SecureRelay.Security.Encryption;

/// <summary>Web Key Directory lookup settings (YAML section <c>pgp.wkd:</c>).</summary>
public sealed class WkdOptions
{
    /// <summary>Look keys up by WKD when the directory has none (<c>enabled</c>, default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Per-request time limit in seconds (<c>timeout_seconds</c>, default 10).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Largest key accepted in bytes (<c>max_key_bytes</c>, default 64 KiB).</summary>
    public int MaxKeyBytes { get; set; } = 64 * 1024;

    /// <summary>How long a found key is cached (<c>cache_minutes</c>, default 60).</summary>
    public int CacheMinutes { get; set; } = 60;

    /// <summary>How long "no key" is cached (<c>negative_cache_minutes</c>, default 10).</summary>
    public int NegativeCacheMinutes { get; set; } = 10;

    /// <summary>
    /// How long a domain whose WKD service failed (no such host, refused, timeout, HTTP error) is
    /// not asked again (<c>failure_cache_minutes</c>, default 10; 0 = ask every time).
    /// </summary>
    public int FailureCacheMinutes { get; set; } = 10;

    /// <summary>Most cached addresses (<c>max_cache_entries</c>, default 10000).</summary>
    public int MaxCacheEntries { get; set; } = 10_000;

    /// <summary>Retries on transient errors (5xx, 408, 429, dropped connections) (<c>retry_count</c>, default 2).</summary>
    public int RetryCount { get; set; } = 2;

    /// <summary>First retry delay in milliseconds, doubled each time (<c>retry_delay_ms</c>, default 200).</summary>
    public int RetryDelayMs { get; set; } = 200;

    /// <summary>
    /// Replaces <c>https://openpgpkey.{domain}</c> for the advanced method (<c>advanced_base_url</c>);
    /// for tests against a loopback server.
    /// </summary>
    public string? AdvancedBaseUrl { get; set; }

    /// <summary>Replaces <c>https://{domain}</c> for the direct method (<c>direct_base_url</c>); for tests.</summary>
    public string? DirectBaseUrl { get; set; }
}
