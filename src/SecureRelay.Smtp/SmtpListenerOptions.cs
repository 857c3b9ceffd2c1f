using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.Smtp;

/// <summary>Settings of one SMTP listener (one endpoint).</summary>
public sealed class SmtpListenerOptions
{
    /// <summary>The listener name from configuration, used in logs and metrics.</summary>
    public string Name { get; set; } = "smtp";

    /// <summary>How TLS is offered.</summary>
    public SmtpTlsMode Tls { get; set; } = SmtpTlsMode.None;

    /// <summary>Whether AUTH is offered or required. AUTH is only ever offered over TLS.</summary>
    public SmtpAuthMode Auth { get; set; } = SmtpAuthMode.None;

    /// <summary>Client networks that may relay without authenticating.</summary>
    public IList<IPNetwork> RelayNetworks { get; set; } = [];

    /// <summary>The server certificate with its private key; required unless <see cref="Tls"/> is None.</summary>
    public X509Certificate2? ServerCertificate { get; set; }

    /// <summary>Checks the combination of settings; throws <see cref="ArgumentException"/> with the reason.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("Listener name must not be empty.", nameof(Name));
        }

        if (Tls != SmtpTlsMode.None && ServerCertificate is null)
        {
            throw new ArgumentException($"Listener '{Name}': tls={Tls} needs a server certificate.", nameof(ServerCertificate));
        }

        if (ServerCertificate is not null && !ServerCertificate.HasPrivateKey)
        {
            throw new ArgumentException($"Listener '{Name}': the server certificate has no private key.", nameof(ServerCertificate));
        }

        if (Auth != SmtpAuthMode.None && Tls == SmtpTlsMode.None)
        {
            throw new ArgumentException($"Listener '{Name}': auth={Auth} needs tls (AUTH is only offered over TLS).", nameof(Auth));
        }

        ArgumentNullException.ThrowIfNull(RelayNetworks);
    }

    /// <summary>True when <paramref name="address"/> lies in one of <see cref="RelayNetworks"/>
    /// (IPv4-mapped IPv6 addresses are compared as IPv4).</summary>
    public bool IsInRelayNetworks(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var network in RelayNetworks)
        {
            if (network.Contains(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
