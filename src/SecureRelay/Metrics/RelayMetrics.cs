using Prometheus;

namespace SecureRelay.Metrics;

/// <summary>
/// Every metric SecureRelay exports, in one place. Prefix <c>securerelay_</c>, base units, counters end
/// in <c>_total</c>. Labels come from bounded sets: listener names, reply classes, queue states and
/// destination domains through <see cref="BoundedLabel"/> (never an address).
/// </summary>
public sealed class RelayMetrics
{
    private readonly BoundedLabel _destinations = new(200);

    /// <summary>Creates the metrics in <paramref name="registry"/> (a private one in tests).</summary>
    public RelayMetrics(CollectorRegistry? registry = null)
    {
        var f = Prometheus.Metrics.WithCustomRegistry(registry ?? Prometheus.Metrics.DefaultRegistry);
        ConnectionsTotal = f.CreateCounter("securerelay_smtp_connections_total", "SMTP connections accepted.", "listener");
        ConnectionsActive = f.CreateGauge("securerelay_smtp_connections_active", "SMTP connections open now.", "listener");
        ConnectionsRefused = f.CreateCounter("securerelay_smtp_connections_refused_total", "SMTP connections refused at connect (per-IP limit).", "listener");
        Rejections = f.CreateCounter("securerelay_smtp_rejections_total", "SMTP replies 4xx/5xx sent, by code.", "listener", "code");
        TlsHandshakes = f.CreateCounter("securerelay_smtp_tls_handshakes_total", "Inbound TLS handshakes, by result.", "listener", "result");
        AuthAttempts = f.CreateCounter("securerelay_smtp_auth_total", "SMTP AUTH attempts, by result.", "listener", "result");
        Received = f.CreateCounter("securerelay_messages_received_total", "Messages accepted (250 after the spool fsync).", "listener");
        ReceivedBytes = f.CreateCounter("securerelay_received_bytes_total", "Bytes of accepted message content.", "listener");
        AcceptLatency = f.CreateHistogram(
            "securerelay_accept_latency_seconds",
            "Time from the end of DATA to the 250 reply (spool fsync included).",
            new HistogramConfiguration
            {
                LabelNames = ["listener"],
                Buckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
            });
        Delivered = f.CreateCounter("securerelay_messages_delivered_total", "Recipients delivered, by destination.", "destination");
        Deferred = f.CreateCounter("securerelay_messages_deferred_total", "Recipient deliveries deferred, by destination.", "destination");
        Bounced = f.CreateCounter("securerelay_messages_bounced_total", "Recipients bounced (5xx), by destination.", "destination");
        Expired = f.CreateCounter("securerelay_messages_expired_total", "Recipients expired (queue age), by destination.", "destination");
        DeliveryDelay = f.CreateHistogram(
            "securerelay_delivery_delay_seconds",
            "Time from acceptance to successful delivery.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 4, 12) });
        OutboundConnections = f.CreateGauge("securerelay_outbound_connections_active", "Outbound SMTP connections open now, by destination.", "destination");
        QueueDepth = f.CreateGauge("securerelay_queue_messages", "Messages in the spool, by state.", "state");
        SpoolLowDisk = f.CreateGauge("securerelay_spool_low_disk", "1 while free disk is below spool.min_free_bytes (MAIL gets 452 4.3.1).");
        PolicyReloads = f.CreateCounter("securerelay_policy_reloads_total", "Policy reloads, by result.", "result");
        Classified = f.CreateCounter("securerelay_messages_classified_total", "Messages classified before acceptance, by verdict and category.", "verdict", "category");
        PolicyRefusals = f.CreateCounter("securerelay_policy_refusals_total", "Messages refused by policy at the end of DATA, by reply code.", "code");
        AdminAuthFailures = f.CreateCounter("securerelay_admin_auth_failures_total", "Admin API requests refused, by reason (missing_token, invalid_token, foreign_host, foreign_origin).", "reason");
        DeliveredByMethod = f.CreateCounter("securerelay_deliveries_by_method_total", "Recipients delivered, by protection method (smime, pgp, tls-verified, tls, escrow, opportunistic).", "method");
    }

    /// <summary>SMTP connections accepted.</summary>
    public Counter ConnectionsTotal { get; }

    /// <summary>SMTP connections open.</summary>
    public Gauge ConnectionsActive { get; }

    /// <summary>Connections refused at connect.</summary>
    public Counter ConnectionsRefused { get; }

    /// <summary>4xx/5xx replies by code.</summary>
    public Counter Rejections { get; }

    /// <summary>Inbound TLS handshakes.</summary>
    public Counter TlsHandshakes { get; }

    /// <summary>AUTH attempts.</summary>
    public Counter AuthAttempts { get; }

    /// <summary>Messages accepted.</summary>
    public Counter Received { get; }

    /// <summary>Bytes accepted.</summary>
    public Counter ReceivedBytes { get; }

    /// <summary>End of DATA → 250.</summary>
    public Histogram AcceptLatency { get; }

    /// <summary>Delivered recipients.</summary>
    public Counter Delivered { get; }

    /// <summary>Deferred recipient attempts.</summary>
    public Counter Deferred { get; }

    /// <summary>Bounced recipients.</summary>
    public Counter Bounced { get; }

    /// <summary>Expired recipients.</summary>
    public Counter Expired { get; }

    /// <summary>Acceptance → delivery.</summary>
    public Histogram DeliveryDelay { get; }

    /// <summary>Outbound connections open.</summary>
    public Gauge OutboundConnections { get; }

    /// <summary>Queue depth by state.</summary>
    public Gauge QueueDepth { get; }

    /// <summary>Disk guard state.</summary>
    public Gauge SpoolLowDisk { get; }

    /// <summary>Policy reloads.</summary>
    public Counter PolicyReloads { get; }

    /// <summary>Classification verdicts.</summary>
    public Counter Classified { get; }

    /// <summary>Policy refusals.</summary>
    public Counter PolicyRefusals { get; }

    /// <summary>Admin API refusals by reason.</summary>
    public Counter AdminAuthFailures { get; }

    /// <summary>Deliveries by method.</summary>
    public Counter DeliveredByMethod { get; }

    /// <summary>Maps a destination domain to a label value from a bounded set.</summary>
    public string Destination(string? domain) => _destinations.Get(domain);
}
