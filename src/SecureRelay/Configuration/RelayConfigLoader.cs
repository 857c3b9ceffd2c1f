using System.Net;
using SecureRelay.Delivery.Routing;
using SecureRelay.Policy.Yaml;
using SecureRelay.Smtp;
using SecureRelay.Users;

namespace SecureRelay.Configuration;

/// <summary>Loads <c>securerelay.yaml</c> strictly and validates what YAML types cannot express,
/// reporting every problem as <c>file:line:col: reason</c>.</summary>
public static class RelayConfigLoader
{
    /// <summary>Loads and validates a configuration file.</summary>
    /// <exception cref="ConfigurationException">The file is missing or wrong.</exception>
    public static RelaySettings Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var loaded = StrictYaml.Load<RelayConfig>(path);
        return Validate(loaded, full);
    }

    /// <summary>Validates an already parsed document.</summary>
    public static RelaySettings Validate(LoadedYaml<RelayConfig> loaded, string configFile)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var c = loaded.Value;
        c.Listeners ??= [];
        c.Users ??= [];
        c.Routes ??= [];
        c.Limits ??= new();
        c.Delivery ??= new();
        c.Spool ??= new();
        c.Admin ??= new();
        c.Logging ??= new();

        if (string.IsNullOrWhiteSpace(c.DataDir))
        {
            throw loaded.Error("data_dir", "data_dir must not be empty");
        }

        if (c.Listeners.Count == 0)
        {
            throw loaded.Error("listeners", "at least one listener is required");
        }

        var listeners = new List<ListenerSettings>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < c.Listeners.Count; i++)
        {
            listeners.Add(ValidateListener(loaded, c.Listeners[i], $"listeners[{i}]", names));
        }

        var users = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Users.Count; i++)
        {
            var u = c.Users[i];
            if (string.IsNullOrWhiteSpace(u.Name))
            {
                throw loaded.Error($"users[{i}]", "user name must not be empty");
            }

            if (!users.Add(u.Name))
            {
                throw loaded.Error($"users[{i}].name", $"duplicate user '{u.Name}'");
            }

            if (!PasswordHasher.IsWellFormed(u.PasswordHash))
            {
                throw loaded.Error($"users[{i}].password_hash", "not a hash made by 'securerelay users hash'");
            }

            for (var d = 0; d < (u.SenderDomains?.Count ?? 0); d++)
            {
                var pattern = u.SenderDomains![d];
                if (!IsDomainName(pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern))
                {
                    throw loaded.Error($"users[{i}].sender_domains[{d}]", $"'{pattern}' is not a domain name (clinic.example or *.clinic.example)");
                }
            }
        }

        for (var i = 0; i < c.Routes.Count; i++)
        {
            var r = c.Routes[i];
            if (r.Domains is null || r.Domains.Count == 0)
            {
                throw loaded.Error($"routes[{i}]", "a route needs at least one entry in domains");
            }

            for (var d = 0; d < r.Domains.Count; d++)
            {
                var pattern = r.Domains[d];
                var bare = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
                if (pattern != "*" && !IsDomainName(bare))
                {
                    throw loaded.Error($"routes[{i}].domains[{d}]", $"'{pattern}' is not a domain pattern (example.com, *.example.com or *)");
                }
            }

            try
            {
                NextHop.Parse(r.NextHop ?? "", 25);
            }
            catch (FormatException e)
            {
                throw loaded.Error($"routes[{i}].next_hop", e.Message);
            }
        }

        var limits = c.Limits;
        TimeSpan? commandTimeout = ParseOptionalDuration(loaded, limits.CommandTimeout, "limits.command_timeout");
        TimeSpan? dataTimeout = ParseOptionalDuration(loaded, limits.DataTimeout, "limits.data_timeout");
        Positive(loaded, limits.MaxMessageSize, "limits.max_message_size");
        Positive(loaded, limits.MaxRecipients, "limits.max_recipients");
        Positive(loaded, limits.MaxHeaderSize, "limits.max_header_size");
        Positive(loaded, limits.MaxConnectionsPerIp, "limits.max_connections_per_ip");
        Positive(loaded, limits.MaxBadCommands, "limits.max_bad_commands");
        Positive(loaded, limits.MaxAuthFailures, "limits.max_auth_failures");
        Positive(loaded, limits.MaxAuthFailuresPerUser, "limits.max_auth_failures_per_user");
        Positive(loaded, limits.MaxConnections, "limits.max_connections");
        TimeSpan? stressCommandTimeout = ParseOptionalDuration(loaded, limits.StressCommandTimeout, "limits.stress_command_timeout");
        if (limits.MaxLineLength is { } lineLength && lineLength < 1000)
        {
            throw loaded.Error("limits.max_line_length", "must be at least 1000 (RFC 5321 §4.5.3.1.6)");
        }

        if (limits.MinDataRate is < 0)
        {
            throw loaded.Error("limits.min_data_rate", "must not be negative");
        }

        if (limits.BareLineEndings is not (null or "reject" or "normalize"))
        {
            throw loaded.Error("limits.bare_line_endings", "must be 'reject' or 'normalize'");
        }

        var d0 = c.Delivery;
        if (d0.MaxConnections < 1)
        {
            throw loaded.Error("delivery.max_connections", "must be at least 1");
        }

        if (d0.MaxConnectionsTotal < d0.MaxConnections)
        {
            throw loaded.Error("delivery.max_connections_total", "must be at least delivery.max_connections");
        }

        if (d0.MessagesPerConnection < 1)
        {
            throw loaded.Error("delivery.messages_per_connection", "must be at least 1");
        }

        if (d0.RatePerSecond < 0)
        {
            throw loaded.Error("delivery.rate_per_second", "must not be negative (0 = unlimited)");
        }

        foreach (var (domain, o) in d0.Domains ?? [])
        {
            if (!IsDomainName(domain.TrimStart('*', '.')))
            {
                throw loaded.Error($"delivery.domains.{domain}", $"'{domain}' is not a domain name");
            }

            if (o?.MaxConnections is < 1 || o?.MessagesPerConnection is < 1 || o?.RatePerSecond is < 0)
            {
                throw loaded.Error($"delivery.domains.{domain}", "limits must be positive");
            }
        }

        var retryFirst = ParseDuration(loaded, d0.RetryFirst, "delivery.retry_first");
        var retryMax = ParseDuration(loaded, d0.RetryMax, "delivery.retry_max");
        if (retryMax < retryFirst)
        {
            throw loaded.Error("delivery.retry_max", "must not be shorter than retry_first");
        }

        var dns = new List<IPEndPoint>();
        for (var i = 0; i < (d0.DnsServers?.Count ?? 0); i++)
        {
            var text = d0.DnsServers![i];
            if (IPAddress.TryParse(text, out var ip))
            {
                dns.Add(new IPEndPoint(ip, 53));
            }
            else if (IPEndPoint.TryParse(text, out var ep) && ep.Port != 0)
            {
                dns.Add(ep);
            }
            else
            {
                throw loaded.Error($"delivery.dns_servers[{i}]", $"'{text}' is not an IP address or ip:port");
            }
        }

        if (!TryParseEndpoint(c.Admin.Endpoint, out var admin))
        {
            throw loaded.Error("admin.endpoint", $"'{c.Admin.Endpoint}' is not address:port");
        }

        c.Admin.AllowedHosts ??= [];
        for (var i = 0; i < c.Admin.AllowedHosts.Count; i++)
        {
            if (!IsDomainName(c.Admin.AllowedHosts[i]) && !IPAddress.TryParse(c.Admin.AllowedHosts[i], out _))
            {
                throw loaded.Error($"admin.allowed_hosts[{i}]", $"'{c.Admin.AllowedHosts[i]}' is not a host name or IP address");
            }
        }

        if (c.Spool.MinFreeBytes < 0)
        {
            throw loaded.Error("spool.min_free_bytes", "must not be negative");
        }

        if (c.Logging.Level is not ("trace" or "debug" or "information" or "warning" or "error"))
        {
            throw loaded.Error("logging.level", "must be trace, debug, information, warning or error");
        }

        if (c.Hostname is not null && !IsDomainName(c.Hostname))
        {
            throw loaded.Error("hostname", $"'{c.Hostname}' is not a host name");
        }

        var dataDir = ResolvePath(configFile, c.DataDir);
        ValidateSecurity(loaded, configFile, dataDir);
        var spoolKeyFile = c.Spool.KeyFile is { Length: > 0 } k ? ResolvePath(configFile, k) : Path.Combine(dataDir, "keys", "spool.key");
        if (string.Equals(Path.GetDirectoryName(spoolKeyFile), Path.GetDirectoryName(c.Escrow.KeyFile), StringComparison.Ordinal))
        {
            // The spool reads every *.key beside its key file as a retired spool key.
            throw loaded.Error("escrow.key_file", "must not be in the same directory as the spool key file");
        }
        string? policyFile = c.PolicyFile is { Length: > 0 } pf ? ResolvePath(configFile, pf) : null;
        if (policyFile is not null && !File.Exists(policyFile))
        {
            throw loaded.Error("policy_file", $"'{c.PolicyFile}' does not exist");
        }

        c.Stores ??= new();
        c.Audit ??= new();
        return new RelaySettings
        {
            ConfigFile = configFile,
            Raw = c,
            Source = loaded,
            DataDir = dataDir,
            Hostname = c.Hostname ?? DefaultHostname(),
            Listeners = listeners,
            AdminEndpoint = admin,
            SpoolKeyFile = spoolKeyFile,
            AdminTokenFile = c.Admin.TokenFile is { Length: > 0 } tf ? ResolvePath(configFile, tf) : Path.Combine(dataDir, "admin.token"),
            AdminTokenFileIsDefault = c.Admin.TokenFile is not { Length: > 0 },
            CommandTimeout = commandTimeout,
            DataTimeout = dataTimeout,
            StressCommandTimeout = stressCommandTimeout,
            RetryFirst = retryFirst,
            RetryMax = retryMax,
            MaxAge = ParseDuration(loaded, d0.MaxAge, "delivery.max_age"),
            ConnectTimeout = ParseDuration(loaded, d0.ConnectTimeout, "delivery.connect_timeout"),
            OutboundCommandTimeout = ParseDuration(loaded, d0.CommandTimeout, "delivery.command_timeout"),
            DnsServers = dns,
            PolicyFile = policyFile,
            AuditLog = c.Audit.Path is { Length: > 0 } audit ? ResolvePath(configFile, audit) : Path.Combine(dataDir, "audit", "audit.jsonl"),
            ConsentDb = c.Stores.ConsentDb is { Length: > 0 } consent ? ResolvePath(configFile, consent) : Path.Combine(dataDir, "stores", "consent.db"),
            SuppressionDb = c.Stores.SuppressionDb is { Length: > 0 } suppression ? ResolvePath(configFile, suppression) : Path.Combine(dataDir, "stores", "suppression.db"),
        };
    }

    /// <summary>Resolves <paramref name="path"/> against the directory of <paramref name="configFile"/>.</summary>
    public static string ResolvePath(string configFile, string path)
    {
        ArgumentNullException.ThrowIfNull(configFile);
        ArgumentNullException.ThrowIfNull(path);
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configFile)) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(baseDir, path));
    }

    /// <summary>Validates the security sections and makes their paths absolute (relative paths
    /// resolve against the configuration file's directory; escrow defaults live in the data dir).</summary>
    private static void ValidateSecurity(LoadedYaml<RelayConfig> loaded, string configFile, string dataDir)
    {
        var c = loaded.Value;
        c.Smime ??= new();
        c.Pgp ??= new();
        c.Pgp.Wkd ??= new();
        c.Tls ??= new();
        c.Escrow ??= new();
        c.Dkim ??= new();
        c.Dkim.Keys ??= [];

        c.Smime.CertificatesDir = ResolvePath(configFile, c.Smime.CertificatesDir);
        c.Smime.SigningCertificate = OptionalPath(configFile, c.Smime.SigningCertificate);
        c.Smime.SigningKey = OptionalPath(configFile, c.Smime.SigningKey);
        c.Smime.SigningPasswordFile = OptionalPath(configFile, c.Smime.SigningPasswordFile);
        c.Pgp.KeysDir = ResolvePath(configFile, c.Pgp.KeysDir);
        c.Pgp.SigningKey = OptionalPath(configFile, c.Pgp.SigningKey);
        c.Pgp.SigningPassphraseFile = OptionalPath(configFile, c.Pgp.SigningPassphraseFile);

        if (c.Tls.TrustAnchors is { Length: > 0 })
        {
            c.Tls.TrustAnchors = ResolvePath(configFile, c.Tls.TrustAnchors);
            if (!File.Exists(c.Tls.TrustAnchors))
            {
                throw loaded.Error("tls.trust_anchors", $"'{c.Tls.TrustAnchors}' does not exist");
            }
        }

        if (c.Tls.Validate() is { Count: > 0 } tlsErrors)
        {
            throw loaded.Error(PathIn(tlsErrors[0], "tls"), tlsErrors[0]);
        }

        // The escrow defaults in EscrowOptions are relative to the working directory; keep escrow
        // beside the spool unless the file says otherwise.
        var escrowDefaults = new Security.Escrow.EscrowOptions();
        c.Escrow.DatabasePath = c.Escrow.DatabasePath == escrowDefaults.DatabasePath
            ? Path.Combine(dataDir, "escrow", "escrow.db")
            : ResolvePath(configFile, c.Escrow.DatabasePath);
        c.Escrow.KeyFile = c.Escrow.KeyFile == escrowDefaults.KeyFile
            ? Path.Combine(dataDir, "keys", "escrow", "escrow.key")
            : ResolvePath(configFile, c.Escrow.KeyFile);
        try
        {
            c.Escrow.Validate();
        }
        catch (ArgumentException e)
        {
            throw loaded.Error(PathIn(e.Message, "escrow"), e.Message);
        }

        for (var i = 0; i < c.Dkim.Keys.Count; i++)
        {
            var key = c.Dkim.Keys[i];
            if (!IsDomainName(key.Domain))
            {
                throw loaded.Error($"dkim.keys[{i}].domain", $"'{key.Domain}' is not a domain name");
            }

            if (string.IsNullOrWhiteSpace(key.Selector))
            {
                throw loaded.Error($"dkim.keys[{i}].selector", "selector must not be empty");
            }

            key.PrivateKeyPath = ResolvePath(configFile, key.PrivateKeyPath);
            if (!File.Exists(key.PrivateKeyPath))
            {
                throw loaded.Error($"dkim.keys[{i}].private_key_path", $"'{key.PrivateKeyPath}' does not exist (make one with: securerelay dkim keygen)");
            }
        }
    }

    private static string? OptionalPath(string configFile, string? path) =>
        path is { Length: > 0 } ? ResolvePath(configFile, path) : null;

    // Option validators start their message with the offending key ("tls.dns_servers: …",
    // "escrow.expiry_days must …"); point at that key, or at the section when there is none.
    private static string PathIn(string message, string section)
    {
        var end = message.IndexOfAny([':', ' ']);
        var first = end > 0 ? message[..end] : message;
        return first.StartsWith(section + ".", StringComparison.Ordinal) ? first : section;
    }

    private static ListenerSettings ValidateListener(LoadedYaml<RelayConfig> loaded, ListenerConfig l, string at, HashSet<string> names)
    {
        if (string.IsNullOrWhiteSpace(l.Name))
        {
            throw loaded.Error(at, "listener name must not be empty");
        }

        if (!names.Add(l.Name))
        {
            throw loaded.Error($"{at}.name", $"duplicate listener name '{l.Name}'");
        }

        if (!TryParseEndpoint(l.Endpoint, out var endpoint))
        {
            throw loaded.Error($"{at}.endpoint", $"'{l.Endpoint}' is not address:port");
        }

        var tls = l.Tls switch
        {
            "none" => SmtpTlsMode.None,
            "starttls" => SmtpTlsMode.StartTls,
            "implicit" => SmtpTlsMode.Implicit,
            _ => throw loaded.Error($"{at}.tls", $"'{l.Tls}' is not one of none, starttls, implicit"),
        };
        var auth = l.Auth switch
        {
            "none" => SmtpAuthMode.None,
            "optional" => SmtpAuthMode.Optional,
            "required" => SmtpAuthMode.Required,
            _ => throw loaded.Error($"{at}.auth", $"'{l.Auth}' is not one of none, optional, required"),
        };
        if (auth != SmtpAuthMode.None && tls == SmtpTlsMode.None)
        {
            throw loaded.Error($"{at}.auth", $"auth: {l.Auth} needs tls: starttls or implicit (AUTH is only offered over TLS)");
        }

        var networks = new List<IPNetwork>();
        for (var i = 0; i < (l.RelayNetworks?.Count ?? 0); i++)
        {
            var text = l.RelayNetworks![i];
            if (IPNetwork.TryParse(text, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(text, out var single))
            {
                networks.Add(new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw loaded.Error($"{at}.relay_networks[{i}]", $"'{text}' is not a CIDR network such as 127.0.0.0/8");
            }
        }

        if ((l.CertificateFile is null) != (l.KeyFile is null))
        {
            throw loaded.Error(at, "certificate_file and key_file go together");
        }

        var configFile = Path.GetFullPath(loaded.File);
        return new ListenerSettings(
            l.Name,
            endpoint,
            tls,
            auth,
            networks,
            l.CertificateFile is null ? null : ResolvePath(configFile, l.CertificateFile),
            l.KeyFile is null ? null : ResolvePath(configFile, l.KeyFile));
    }

    private static bool TryParseEndpoint(string? text, out IPEndPoint endpoint)
    {
        endpoint = null!;
        if (string.IsNullOrWhiteSpace(text) || !IPEndPoint.TryParse(text, out var ep) || ep.Port == 0)
        {
            return false;
        }

        // IPEndPoint.TryParse accepts a bare address with port 0; we insist on an explicit port.
        endpoint = ep;
        return true;
    }

    private static TimeSpan ParseDuration(LoadedYaml<RelayConfig> loaded, string text, string at) =>
        Duration.TryParse(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw loaded.Error(at, $"'{text}' is not a duration such as 30s, 5m, 4h, 5d");

    private static TimeSpan? ParseOptionalDuration(LoadedYaml<RelayConfig> loaded, string? text, string at) =>
        text is null ? null : ParseDuration(loaded, text, at);

    private static void Positive(LoadedYaml<RelayConfig> loaded, long? value, string at)
    {
        if (value is <= 0)
        {
            throw loaded.Error(at, "must be a positive number");
        }
    }

    internal static bool IsDomainName(string? name)
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

    internal static string DefaultHostname()
    {
        var name = Environment.MachineName;
        return IsDomainName(name) ? name.ToLowerInvariant() : "localhost";
    }
}
