using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SecureRelay.Security.Tls;

/// <summary>
/// The recipient-TLS components wired from <c>tls:</c> options, for the host to register as
/// singletons: one resolver, one validator, one capability cache, one HTTP client for MTA-STS.
/// </summary>
public sealed class RecipientTlsServices : IDisposable
{
    private readonly HttpClient? _http;

    private RecipientTlsServices(
        RecipientTlsPolicyResolver resolver, TlsCertificateValidator validator, ITlsCapabilityCache capabilities, HttpClient? http)
    {
        Resolver = resolver;
        Validator = validator;
        Capabilities = capabilities;
        _http = http;
    }

    /// <summary>Resolves destination policies (DANE, MTA-STS).</summary>
    public RecipientTlsPolicyResolver Resolver { get; }

    /// <summary>Validates certificates and creates per-connection sessions.</summary>
    public TlsCertificateValidator Validator { get; }

    /// <summary>What each MX offered last time.</summary>
    public ITlsCapabilityCache Capabilities { get; }

    /// <summary>
    /// Builds the components. Loads <c>tls.trust_anchors</c>; <paramref name="mtaStsHandler"/> replaces
    /// the default <see cref="MtaStsPolicyFetcher.CreateHandler"/> (tests).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="InvalidDataException">The trust anchor file is unreadable.</exception>
    public static RecipientTlsServices Create(
        TlsOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null, HttpMessageHandler? mtaStsHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"tls.{e.Key}: {e.Message}")), nameof(options));
        }

        loggerFactory ??= NullLoggerFactory.Instance;
        var anchors = TrustAnchorStore.FromOptions(options);
        HttpClient? http = null;
        MtaStsPolicyFetcher? fetcher = null;
        if (options.MtaSts)
        {
            http = new HttpClient(mtaStsHandler ?? MtaStsPolicyFetcher.CreateHandler(anchors), disposeHandler: true);
            fetcher = new MtaStsPolicyFetcher(http, options, loggerFactory.CreateLogger<MtaStsPolicyFetcher>());
        }

        var resolver = new RecipientTlsPolicyResolver(
            RecipientTlsPolicyResolver.CreateLookupClient(options), fetcher, options, time, loggerFactory.CreateLogger<RecipientTlsPolicyResolver>());
        return new RecipientTlsServices(resolver, new TlsCertificateValidator(anchors, time), new InMemoryTlsCapabilityCache(options, time), http);
    }

    /// <summary>Disposes the MTA-STS HTTP client.</summary>
    public void Dispose() => _http?.Dispose();
}
