using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SecureRelay.Security.Tls;

/// <summary>
/// Fetches <c>https://mta-sts.&lt;domain&gt;/.well-known/mta-sts.txt</c> (RFC 8461 §3.3): HTTPS with a
/// PKIX-valid certificate for the policy host, 200 only (no redirects), <c>text/plain</c>, bounded size,
/// a total timeout, and a short Polly retry for transient failures.
/// </summary>
public sealed class MtaStsPolicyFetcher
{
    private readonly HttpClient _http;
    private readonly int _maxBytes;
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates a fetcher. <paramref name="http"/> should come from <see cref="CreateHandler"/> (no
    /// redirects, TLS 1.2+, trust anchors); tests may set a <c>ConnectCallback</c> on that handler to
    /// reach a loopback server while keeping the real URL and certificate name check.
    /// </summary>
    public MtaStsPolicyFetcher(HttpClient http, TlsOptions options, ILogger<MtaStsPolicyFetcher>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _maxBytes = options.MtaStsMaxPolicyBytes;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var total = TimeSpan.FromSeconds(options.MtaStsFetchTimeoutSeconds);
        var builder = new ResiliencePipelineBuilder().AddTimeout(total);
        if (options.MtaStsFetchRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MtaStsFetchRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = TimeSpan.FromMilliseconds(200),
                UseJitter = true,
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>(e => e.InnerException is not AuthenticationException)
                    .Handle<TransientFetchException>()
                    .Handle<TimeoutRejectedException>(),
            });
        }

        // Each attempt gets an equal share of the total, so one hung attempt cannot use up every retry.
        _pipeline = builder.AddTimeout(total / (options.MtaStsFetchRetries + 1)).Build();
    }

    /// <summary>The policy URL for <paramref name="domain"/>.</summary>
    public static Uri PolicyUri(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return new Uri($"https://mta-sts.{HostnameMatcher.Normalize(domain)}/.well-known/mta-sts.txt");
    }

    /// <summary>
    /// The handler policy fetches must use: redirects off (RFC 8461 §3.3), TLS 1.2+, and the configured
    /// trust anchors accepted when the system roots do not know the policy host's CA. The hostname
    /// must always match.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(TrustAnchorStore anchors)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseHeadersLength = 16,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        handler.SslOptions.EnabledSslProtocols = TlsProtocolPolicy.Allowed;
        handler.SslOptions.CertificateRevocationCheckMode = X509RevocationMode.NoCheck;
        if (anchors.Anchors.Count > 0)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, chain, errors) =>
                errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && cert is not null && ChainsToAnchor(cert, chain, anchors));
        }

        return handler;
    }

    /// <summary>Fetches and parses the policy published for <paramref name="domain"/> under TXT id <paramref name="id"/>.</summary>
    public async Task<MtaStsFetchResult> FetchAsync(string domain, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(id);
        var uri = PolicyUri(domain);
        string body;
        try
        {
            body = await _pipeline.ExecuteAsync(async token => await FetchOnceAsync(uri, token).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (PolicyFetchException e)
        {
            return Fail(domain, e.Message);
        }
        catch (TransientFetchException e)
        {
            return Fail(domain, e.Message);
        }
        catch (TimeoutRejectedException)
        {
            return Fail(domain, "timed out");
        }
        catch (HttpRequestException e)
        {
            return Fail(domain, e.InnerException is AuthenticationException ? "policy host certificate not valid: " + e.InnerException.Message : e.Message);
        }

        return MtaStsPolicyParser.TryParsePolicy(body, id, out var policy, out var error)
            ? new MtaStsFetchResult(policy, null)
            : Fail(domain, "invalid policy: " + error);
    }

    private MtaStsFetchResult Fail(string domain, string reason)
    {
        TlsLog.MtaStsFetchFailed(_logger, domain, reason);
        return new MtaStsFetchResult(null, reason);
    }

    private async Task<string> FetchOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status >= 500 || status == 429)
        {
            throw new TransientFetchException($"HTTP {status}");
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new PolicyFetchException($"HTTP {status} (only 200 is accepted, redirects are not followed)");
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (!string.Equals(mediaType, "text/plain", StringComparison.OrdinalIgnoreCase))
        {
            throw new PolicyFetchException($"media type '{mediaType}' is not text/plain");
        }

        if (response.Content.Headers.ContentLength > _maxBytes)
        {
            throw new PolicyFetchException($"policy larger than {_maxBytes} bytes");
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[_maxBytes + 1];
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            if (filled > _maxBytes)
            {
                throw new PolicyFetchException($"policy larger than {_maxBytes} bytes");
            }

            try
            {
                return new UTF8Encoding(false, true).GetString(buffer, 0, filled);
            }
            catch (DecoderFallbackException)
            {
                throw new PolicyFetchException("policy is not valid UTF-8");
            }
        }
    }

    private static bool ChainsToAnchor(X509Certificate certificate, X509Chain? presented, TrustAnchorStore anchors)
    {
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(anchors.Anchors.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        return chain.Build(leaf);
    }

    /// <summary>A failure worth retrying (5xx, 429).</summary>
    private sealed class TransientFetchException(string message) : Exception(message);

    /// <summary>A definitive failure: retrying will not help.</summary>
    private sealed class PolicyFetchException(string message) : Exception(message);
}
