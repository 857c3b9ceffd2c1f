using System.ComponentModel.DataAnnotations;
using SecureRelay.Delivery;
using SecureRelay.Delivery.Routing;
using SecureRelay.Security.Dkim;
using SecureRelay.Security.Encryption;
using SecureRelay.Security.Escrow;
using SecureRelay.Security.Tls;
using SecureRelay.Smtp;
using SecureRelay.Spool;

namespace SecureRelay.Configuration;

/// <summary>The root of <c>securerelay.yaml</c> (snake_case keys). Each section is the options type of
/// the component that uses it, bound straight from YAML; the defaults in those types are the relay's
/// defaults (<c>securerelay config defaults</c> prints them).</summary>
public sealed class RelayConfig
{
    /// <summary>Where the spool, keys and generated certificates live. Relative paths resolve
    /// against the directory of the configuration file.</summary>
    [DataType(ConfigKey.PathDataType)]
    public string DataDir { get; set; } = "./data";

    /// <summary>Our host name in the banner, EHLO (in and out), <c>Received:</c> and DSNs; it is the
    /// delivery options' host name. Default: the machine name.</summary>
    public string Hostname { get => Delivery.HostName; set => Delivery.HostName = value; }

    /// <summary>SMTP listeners.</summary>
    public List<ListenerConfig> Listeners { get; set; } = [];

    /// <summary>Users for SMTP AUTH.</summary>
    public List<UserConfig> Users { get; set; } = [];

    /// <summary>Transport map: first match wins; no match = MX lookup. These are the delivery options'
    /// routes, written at the top level.</summary>
    public List<DeliveryRoute> Routes { get => Delivery.Routes; set => Delivery.Routes = value; }

    /// <summary>Inbound SMTP limits.</summary>
    public SmtpLimits Limits { get; set; } = new();

    /// <summary>Outbound delivery: concurrency, rates, retries, per-domain settings.</summary>
    public DeliveryOptions Delivery { get; set; } = new();

    /// <summary>Spool settings (its directory is <c>DATA_DIR/spool</c>).</summary>
    public SpoolOptions Spool { get; set; } = new() { DataDirectory = "" };

    /// <summary>Admin HTTP endpoint.</summary>
    public AdminConfig Admin { get; set; } = new();

    /// <summary>Logging.</summary>
    public LoggingConfig Logging { get; set; } = new();

    /// <summary>The admins' policy file (rules, classifier, domains); unset = the built-in default
    /// policy (PHI → smime, pgp, tls-verified, escrow; everything else → opportunistic).</summary>
    [DataType(ConfigKey.PathDataType)]
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

    /// <summary>The defaults for a data directory: escrow keeps its database and key beside the spool.</summary>
    public static RelayConfig Create(string dataDir)
    {
        ArgumentNullException.ThrowIfNull(dataDir);
        return new RelayConfig
        {
            DataDir = dataDir,
            Escrow = new EscrowOptions
            {
                DatabasePath = Path.Combine(dataDir, "escrow", "escrow.db"),
                KeyFile = Path.Combine(dataDir, "keys", "escrow", "escrow.key"),
            },
        };
    }

    /// <summary>Checks every section (each through its own options type's <c>Validate</c>) and what
    /// spans sections: one (full key path, message) pair per problem, empty when valid.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDir))
        {
            yield return ("data_dir", "data_dir must not be empty");
        }

        if (!IsDomainName(Hostname))
        {
            yield return ("hostname", $"'{Hostname}' is not a host name");
        }

        if (Listeners.Count == 0)
        {
            yield return ("listeners", "at least one listener is required");
        }

        var items = Named("listeners", Listeners, l => l.Name, l => l.Validate(), "listener name", StringComparer.OrdinalIgnoreCase)
            .Concat(Named("users", Users, u => u.Name, u => u.Validate(), "user", StringComparer.Ordinal));
        foreach (var e in items)
        {
            yield return e;
        }

        for (var i = 0; i < Routes.Count; i++)
        {
            foreach (var e in ValidateRoute(Routes[i], $"routes[{i}]"))
            {
                yield return e;
            }
        }

        var sections = In("limits", Limits.Validate())
            .Concat(In("delivery", Delivery.Validate()))
            .Concat(In("spool", Spool.Validate()))
            .Concat(In("admin", Admin.Validate()))
            .Concat(In("logging", Logging.Validate()))
            .Concat(In("tls", Tls.Validate()))
            .Concat(In("escrow", Escrow.Validate()))
            .Concat(In("dkim", Dkim.Validate()));
        foreach (var e in sections)
        {
            yield return e;
        }

        if (PolicyFile is not null && !File.Exists(PolicyFile))
        {
            yield return ("policy_file", $"'{PolicyFile}' does not exist");
        }

        // The spool reads every *.key beside its key file as a retired spool key.
        var spoolKeyFile = Spool.KeyFile ?? Path.Combine(DataDir, "keys", "spool.key");
        if (string.Equals(Path.GetDirectoryName(spoolKeyFile), Path.GetDirectoryName(Escrow.KeyFile), StringComparison.Ordinal))
        {
            yield return ("escrow.key_file", "must not be in the same directory as the spool key file");
        }
    }

    /// <summary>Whether <paramref name="name"/> is a DNS name (letters, digits, '-', '_'; 63-byte labels).</summary>
    public static bool IsDomainName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 253)
        {
            return false;
        }

        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var ch in label)
            {
                if (!(char.IsAsciiLetterOrDigit(ch) || ch == '-' || ch == '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static IEnumerable<(string Key, string Message)> ValidateRoute(DeliveryRoute route, string at)
    {
        if (route.Domains.Count == 0)
        {
            yield return (at, "a route needs at least one entry in domains");
        }

        for (var d = 0; d < route.Domains.Count; d++)
        {
            var pattern = route.Domains[d];
            var bare = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
            if (pattern != "*" && !IsDomainName(bare))
            {
                yield return ($"{at}.domains[{d}]", $"'{pattern}' is not a domain pattern (example.com, *.example.com or *)");
            }
        }

        string? hopError = null;
        try
        {
            NextHop.Parse(route.NextHop ?? "", 25);
        }
        catch (FormatException e)
        {
            hopError = e.Message;
        }

        if (hopError is not null)
        {
            yield return ($"{at}.next_hop", hopError);
        }
    }

    /// <summary>Validates each item of a list whose items are named, and that no name is used twice.</summary>
    private static IEnumerable<(string Key, string Message)> Named<T>(
        string list, List<T> items, Func<T, string> name, Func<T, IEnumerable<(string Key, string Message)>> validate, string what, StringComparer comparer)
    {
        var seen = new HashSet<string>(comparer);
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var e in In($"{list}[{i}]", validate(items[i])))
            {
                yield return e;
            }

            if (!string.IsNullOrWhiteSpace(name(items[i])) && !seen.Add(name(items[i])))
            {
                yield return ($"{list}[{i}].name", $"duplicate {what} '{name(items[i])}'");
            }
        }
    }

    private static IEnumerable<(string Key, string Message)> In(string section, IEnumerable<(string Key, string Message)> errors) =>
        errors.Select(e => (e.Key.Length == 0 ? section : $"{section}.{e.Key}", e.Message));
}
