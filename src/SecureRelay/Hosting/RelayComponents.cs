using Microsoft.Extensions.Logging;
using SecureRelay.Configuration;
using SecureRelay.Delivery;
using SecureRelay.Delivery.Audit;
using SecureRelay.Logging;
using SecureRelay.Metrics;
using SecureRelay.Policy;
using SecureRelay.Policy.Stores;
using SecureRelay.Security.Dkim;
using SecureRelay.Security.Encryption;
using SecureRelay.Security.Escrow;
using SecureRelay.Security.Tls;
using SecureRelay.Smtp;
using SecureRelay.Spool;
using SecureRelay.Spool.Sqlite;
using SecureRelay.Users;

namespace SecureRelay.Hosting;

/// <summary>
/// The relay's parts and their order: spool (recovery first) → delivery scheduler → SMTP handlers.
/// Kestrel's listeners call <see cref="HandlerFor"/>, which exists once <see cref="StartAsync"/> ran
/// (Kestrel accepts nothing before that). Disposal runs in reverse: delivery finishes in-flight
/// work, then the spool flushes its last group commit.
/// </summary>
public sealed class RelayComponents : IAsyncDisposable
{
    private readonly RelaySettings _settings;
    private readonly RelayMetrics _metrics;
    private readonly Dictionary<string, SmtpConnectionHandler> _handlers = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _owned = [];
    private SqliteMessageSpool? _spool;
    private DeliveryScheduler? _scheduler;
    private Timer? _gauges;
    private PolicyStore? _policyStore;
    private PolicyFileWatcher? _policyWatcher;
    private System.Runtime.InteropServices.PosixSignalRegistration? _sighup;
    private ILogger? _logger;

    /// <summary>Creates the (not yet started) components.</summary>
    public RelayComponents(RelaySettings settings, RelayMetrics metrics)
    {
        _settings = settings;
        _metrics = metrics;
    }

    /// <summary>The spool (after <see cref="StartAsync"/>).</summary>
    public IMessageSpool Spool => _spool ?? throw new InvalidOperationException("not started");

    /// <summary>The running policy (hot-reloadable).</summary>
    public PolicyStore PolicyStore => _policyStore ?? throw new InvalidOperationException("not started");

    /// <summary>The listeners from configuration.</summary>
    public IReadOnlyList<ListenerConfig> Listeners => _settings.Listeners;

    /// <summary>The connection handler for a listener.</summary>
    public SmtpConnectionHandler HandlerFor(string listener) => _handlers[listener];

    /// <summary>Opens the spool (crash recovery), starts delivery of what it holds, builds the SMTP handlers.</summary>
    public async Task StartAsync(ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var logger = loggerFactory.CreateLogger("SecureRelay");
        _logger = logger;

        // Policy first: a broken policy file stops start-up with file:line:col, before anything listens.
        _policyStore = new PolicyStore(_settings.PolicyFile, loggerFactory.CreateLogger<PolicyStore>());
        Directory.CreateDirectory(Path.GetDirectoryName(_settings.ConsentDb)!);
        Directory.CreateDirectory(Path.GetDirectoryName(_settings.SuppressionDb)!);
        var consent = new ConsentStore(_settings.ConsentDb);
        var suppression = new SuppressionList(_settings.SuppressionDb);
        var engine = new PolicyEngine(_policyStore, consent, suppression);
        if (_settings.PolicyFile is not null)
        {
            _policyWatcher = new PolicyFileWatcher(_policyStore, logger: loggerFactory.CreateLogger<PolicyFileWatcher>());
            _policyWatcher.ReloadAttempted += (_, result) => OnPolicyReload(result);
            _sighup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true; // SIGHUP reloads; it never stops the relay
                OnPolicyReload(_policyStore.TryReload());
            });
        }

        _spool = new SqliteMessageSpool(
            _settings.Spool,
            loggerFactory.CreateLogger<SqliteMessageSpool>());
        var report = await _spool.OpenAsync(cancellationToken).ConfigureAwait(false);
        RelayLog.Recovered(logger, report.Messages, report.Quarantined.Count, (long)report.Elapsed.TotalMilliseconds);
        foreach (var id in report.Quarantined)
        {
            RelayLog.Quarantined(logger, id);
        }

        var users = new UserDirectory(_settings.Config.Users);
        _scheduler = new DeliveryScheduler(
            _spool,
            _settings.Config.Delivery,
            resolver: null,
            events: new DeliveryMetricsObserver(_metrics),
            logger: loggerFactory.CreateLogger<DeliveryScheduler>(),
            security: CreateSecurityServices(loggerFactory, users));
        await _scheduler.StartAsync(cancellationToken).ConfigureAwait(false);

        var acceptor = new SpoolingMessageAcceptor(_spool, engine, users, _scheduler.Enqueue, _metrics, loggerFactory.CreateLogger<SpoolingMessageAcceptor>());
        var serverOptions = new SmtpServerOptions { HostName = _settings.Hostname, Limits = _settings.Config.Limits };
        var tracker = new SmtpClientTracker();
        var events = new SmtpMetricsObserver(_metrics);
        foreach (var listener in _settings.Listeners)
        {
            var certificate = listener.Tls == SmtpTlsMode.None ? null : CertificateProvider.Load(listener, _settings, logger);
            if (certificate is not null)
            {
                _owned.Add(certificate);
            }

            var options = new SmtpListenerOptions
            {
                Name = listener.Name,
                Tls = listener.Tls,
                Auth = listener.Auth,
                RelayNetworks = listener.RelayNetworks.ToList(),
                ServerCertificate = certificate,
            };
            _handlers[listener.Name] = new SmtpConnectionHandler(serverOptions, options, acceptor, listener.Auth == SmtpAuthMode.None ? null : users, loggerFactory, events, tracker);
        }

        _gauges = new Timer(_ => _ = UpdateGaugesAsync(), null, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    /// <summary>Builds what delivery needs to protect each recipient: certificate and key
    /// directories, encryptors, escrow, TLS validation, DKIM and the audit trail. Every piece is
    /// owned (and disposed) here.</summary>
    private SecureDeliveryServices CreateSecurityServices(ILoggerFactory loggerFactory, UserDirectory users)
    {
        var raw = _settings.Config;
        var certificates = Own(new SmimeCertificateDirectory(raw.Smime, logger: loggerFactory.CreateLogger<SmimeCertificateDirectory>()));
        var keys = Own(new PgpKeyDirectory(raw.Pgp, logger: loggerFactory.CreateLogger<PgpKeyDirectory>()));
        WebKeyDirectoryClient? wkd = null;
        if (raw.Pgp.Wkd.Enabled)
        {
            var http = Own(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(raw.Pgp.Wkd.TimeoutSeconds) });
            wkd = new WebKeyDirectoryClient(http, raw.Pgp.Wkd, logger: loggerFactory.CreateLogger<WebKeyDirectoryClient>());
        }

        Directory.CreateDirectory(Path.GetDirectoryName(raw.Escrow.DatabasePath)!);
        Directory.CreateDirectory(Path.GetDirectoryName(_settings.AuditLog)!);
        return new SecureDeliveryServices
        {
            SmimeCertificates = certificates,
            Smime = new SmimeEncryptor(certificates, raw.Smime, loggerFactory.CreateLogger<SmimeEncryptor>()),
            Pgp = new PgpEncryptor(keys, wkd, raw.Pgp, loggerFactory.CreateLogger<PgpEncryptor>()),
            Escrow = new EscrowStore(raw.Escrow, logger: loggerFactory.CreateLogger<EscrowStore>()),
            EscrowNotices = new EscrowNoticeBuilder(raw.Escrow),
            Tls = Own(RecipientTlsServices.Create(raw.Tls, loggerFactory)),
            Dkim = raw.Dkim.Enabled && raw.Dkim.Keys.Count > 0 ? Own(new DkimSigningService(raw.Dkim, loggerFactory.CreateLogger<DkimSigningService>())) : null,
            Audit = Own(new JsonLinesAuditLog(_settings.AuditLog)),
            MaySignAs = users.MayUseDomain,
        };
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>Releases a held message (or makes a deferred one due) and hands it to delivery.</summary>
    public async Task<bool> ReleaseAsync(string queueId, CancellationToken cancellationToken)
    {
        if (!await Spool.ReleaseAsync(queueId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (await Spool.GetAsync(queueId, cancellationToken).ConfigureAwait(false) is { } message)
        {
            _scheduler?.Enqueue(message);
        }

        return true;
    }

    /// <summary>Makes every deferred message due now (like <c>postqueue -f</c>); returns how many.</summary>
    public async Task<int> FlushDeferredAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var m in Spool.EnumerateAsync(new SpoolQuery { State = QueueState.Deferred }, cancellationToken).ConfigureAwait(false))
        {
            ids.Add(m.QueueId);
        }

        var released = 0;
        foreach (var id in ids)
        {
            released += await ReleaseAsync(id, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return released;
    }

    private void OnPolicyReload(PolicyReloadResult result)
    {
        _metrics.PolicyReloads.WithLabels(result.Succeeded ? "ok" : "failed").Inc();
        if (_logger is null)
        {
            return;
        }

        if (result.Succeeded)
        {
            RelayLog.PolicyReloaded(_logger, _settings.PolicyFile ?? "(built-in)");
        }
        else
        {
            RelayLog.PolicyReloadFailed(_logger, result.Error ?? "unknown error");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _sighup?.Dispose();
        _policyWatcher?.Dispose();
        if (_gauges is not null)
        {
            await _gauges.DisposeAsync().ConfigureAwait(false);
        }

        if (_scheduler is not null)
        {
            using var timeout = new CancellationTokenSource(RelayHost.ShutdownTimeout);
            await _scheduler.StopAsync(timeout.Token).ConfigureAwait(false);
            await _scheduler.DisposeAsync().ConfigureAwait(false);
        }

        if (_spool is not null)
        {
            await _spool.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var d in _owned)
        {
            d.Dispose();
        }
    }

    private async Task UpdateGaugesAsync()
    {
        if (_spool is null)
        {
            return;
        }

        try
        {
            var counts = await _spool.CountAsync(CancellationToken.None).ConfigureAwait(false);
            _metrics.QueueDepth.WithLabels("active").Set(counts.Active);
            _metrics.QueueDepth.WithLabels("deferred").Set(counts.Deferred);
            _metrics.QueueDepth.WithLabels("held").Set(counts.Held);
            _metrics.QueueDepth.WithLabels("quarantined").Set(counts.Quarantined);
            _metrics.SpoolLowDisk.Set(_spool.IsLowOnDisk ? 1 : 0);
        }
        catch (ObjectDisposedException)
        {
            // Shutting down; the next scrape will not come.
        }
    }
}
