namespace SecureRelay.Configuration;

/// <summary>One SMTP listener (<c>listeners[]</c>).</summary>
public sealed class ListenerConfig
{
    /// <summary>Name used in logs and metrics labels.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>address:port</c>, for example <c>127.0.0.1:2525</c> or <c>[::1]:2525</c> or <c>0.0.0.0:587</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary><c>none</c> | <c>starttls</c> | <c>implicit</c>.</summary>
    public string Tls { get; set; } = "starttls";

    /// <summary><c>none</c> | <c>optional</c> | <c>required</c>. AUTH is only offered once TLS is active.</summary>
    public string Auth { get; set; } = "optional";

    /// <summary>CIDR networks whose clients may relay without AUTH.</summary>
    public List<string> RelayNetworks { get; set; } = [];

    /// <summary>PEM certificate chain file; when unset a self-signed certificate is generated on first run.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key file for <see cref="CertificateFile"/>.</summary>
    public string? KeyFile { get; set; }
}
