using System.ComponentModel.DataAnnotations;
using System.Net;
using SecureRelay.Smtp;

namespace SecureRelay.Configuration;

/// <summary>One SMTP listener (<c>listeners[]</c>).</summary>
public sealed class ListenerConfig
{
    /// <summary>Name used in logs and metrics labels.</summary>
    public string Name { get; set; } = "";

    /// <summary><c>address:port</c>, for example <c>127.0.0.1:2525</c> or <c>[::1]:2525</c> or <c>0.0.0.0:587</c>.</summary>
    public IPEndPoint? Endpoint { get; set; }

    /// <summary><c>none</c> | <c>starttls</c> | <c>implicit</c>.</summary>
    public SmtpTlsMode Tls { get; set; } = SmtpTlsMode.StartTls;

    /// <summary><c>none</c> | <c>optional</c> | <c>required</c>. AUTH is only offered once TLS is active.</summary>
    public SmtpAuthMode Auth { get; set; } = SmtpAuthMode.Optional;

    /// <summary>CIDR networks (or single addresses) whose clients may relay without AUTH.</summary>
    public List<IPNetwork> RelayNetworks { get; set; } = [];

    /// <summary>PEM certificate chain file; when unset a self-signed certificate is generated on first run.</summary>
    [DataType(ConfigKey.PathDataType)]
    public string? CertificateFile { get; set; }

    /// <summary>PEM private key file for <see cref="CertificateFile"/>.</summary>
    [DataType(ConfigKey.PathDataType)]
    public string? KeyFile { get; set; }

    /// <summary>Checks the listener: one (key relative to the item, message) pair per problem.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return ("name", "listener name must not be empty");
        }

        if (Endpoint is null)
        {
            yield return ("endpoint", "an endpoint (address:port) is required");
        }

        if (Auth != SmtpAuthMode.None && Tls == SmtpTlsMode.None)
        {
            yield return ("auth", $"auth: {Auth.ToString().ToLowerInvariant()} needs tls: starttls or implicit (AUTH is only offered over TLS)");
        }

        if ((CertificateFile is null) != (KeyFile is null))
        {
            yield return ("", "certificate_file and key_file go together");
        }
    }
}
