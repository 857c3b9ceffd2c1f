namespace SecureRelay.Policy.Model;

/// <summary>Settings for one recipient domain.</summary>
public sealed class DomainOptions
{
    /// <summary>The domain (exact, or <c>*.example.org</c> for subdomains).</summary>
    public string Domain { get; set; } = "";

    /// <summary><c>false</c> (default), <c>true</c>/<c>any</c> (STARTTLS required, certificate not checked)
    /// or <c>verified</c> (authenticated TLS required). Replaces <c>opportunistic</c>/<c>tls</c> in the method lists.</summary>
    public string? RequireTls { get; set; }

    /// <summary>Method list for this domain, used when the matching rule names none.</summary>
    public List<string>? Methods { get; set; }

    /// <summary>Largest message accepted for this domain in bytes; larger is refused with <c>552 5.3.4</c>.</summary>
    public long? MaxMessageSize { get; set; }

    /// <summary>No longer read here: delivery limits per domain live in <c>securerelay.yaml</c>
    /// (<c>delivery.domains.DOMAIN.max_connections</c>). Kept so that an old file gets an error naming
    /// the replacement instead of "unknown key".</summary>
    public int? MaxConnections { get; set; }

    /// <summary>No longer read here: see <c>delivery.domains.DOMAIN.rate_per_second</c> in <c>securerelay.yaml</c>.</summary>
    public int? MaxMessagesPerMinute { get; set; }

    /// <summary>Never enforced (delivery sends a destination's recipients in one transaction); an error if set.</summary>
    public int? MaxRecipientsPerMessage { get; set; }
}
