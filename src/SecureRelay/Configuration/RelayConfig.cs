using SecureRelay.Security.Dkim;
using SecureRelay.Security.Encryption;
using SecureRelay.Security.Escrow;
using SecureRelay.Security.Tls;

namespace SecureRelay.Configuration;

/// <summary>The root of <c>securerelay.yaml</c> (snake_case keys). Defaults here are the embedded
/// defaults; <c>config/securerelay.yaml</c> documents every key.</summary>
public sealed class RelayConfig
{
    /// <summary>Where the spool, keys and generated certificates live. Relative paths resolve
    /// against the directory of the configuration file.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Our host name in the banner, EHLO and <c>Received:</c>; default: the machine name.</summary>
    public string? Hostname { get; set; }

    /// <summary>SMTP listeners.</summary>
    public List<ListenerConfig> Listeners { get; set; } = [];

    /// <summary>Users for SMTP AUTH.</summary>
    public List<UserConfig> Users { get; set; } = [];

    /// <summary>Transport map: first match wins; no match = MX lookup.</summary>
    public List<RouteConfig> Routes { get; set; } = [];

    /// <summary>Inbound SMTP limits.</summary>
    public LimitsConfig Limits { get; set; } = new();

    /// <summary>Outbound delivery: concurrency, rates, retries.</summary>
    public DeliveryConfig Delivery { get; set; } = new();

    /// <summary>Spool settings.</summary>
    public SpoolConfig Spool { get; set; } = new();

    /// <summary>Admin HTTP endpoint.</summary>
    public AdminConfig Admin { get; set; } = new();

    /// <summary>Logging.</summary>
    public LoggingConfig Logging { get; set; } = new();

    /// <summary>The admins' policy file (rules, classifier, domains); unset = the built-in default
    /// policy (PHI → smime, pgp, tls-verified, escrow; everything else → opportunistic).</summary>
    public string? PolicyFile { get; set; }

    /// <summary>S/MIME: recipient certificates directory, optional signing identity.</summary>
    public SmimeOptions Smime { get; set; } = new();

    /// <summary>PGP: recipient public keys directory, Web Key Directory lookups.</summary>
    public PgpOptions Pgp { get; set; } = new();

    /// <summary>Outbound TLS validation: extra trust anchors, DANE, MTA-STS.</summary>
    public TlsOptions Tls { get; set; } = new();

    /// <summary>Escrow store and the notice recipients receive.</summary>
    public EscrowOptions Escrow { get; set; } = new();

    /// <summary>DKIM signing keys per domain.</summary>
    public DkimOptions Dkim { get; set; } = new();

    /// <summary>The append-only audit trail of security receipts.</summary>
    public AuditConfig Audit { get; set; } = new();

    /// <summary>Consent and suppression stores (marketing).</summary>
    public StoresConfig Stores { get; set; } = new();
}
