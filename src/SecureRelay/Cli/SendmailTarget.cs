using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit.Security;
using SecureRelay.Configuration;
using SecureRelay.Policy.Yaml;
using SecureRelay.Smtp;

namespace SecureRelay.Cli;

/// <summary>Where and how to submit, and what the relay accepts.</summary>
internal sealed class SendmailTarget
{
    private readonly HashSet<string> _pinned;
    private readonly bool _loopback;

    private SendmailTarget(string host, int port, SecureSocketOptions tls, string hostname, long maxMessageSize, HashSet<string> pinned)
    {
        Host = host;
        Port = port;
        Tls = tls;
        Hostname = hostname;
        MaxMessageSize = maxMessageSize;
        _pinned = pinned;
        _loopback = IsLoopback(host);
    }

    public string Host { get; }

    public int Port { get; }

    public SecureSocketOptions Tls { get; }

    public string Hostname { get; }

    public long MaxMessageSize { get; }

    /// <summary>The configuration's first listener, or <c>--server</c>. With <c>--server</c> a
    /// configuration is optional (PHP's user may not read one holding password hashes); without
    /// one, the host name is the machine's and the size limit the relay's default.</summary>
    public static SendmailTarget Resolve(SendmailOptions options)
    {
        var settings = LoadSettings(options);
        var hostname = settings?.Hostname ?? new RelayConfig().Hostname;
        var maxSize = (settings?.Config.Limits ?? new SmtpLimits()).MessageSize;
        var listener = settings?.Listeners[0];
        var pinned = listener is null ? [] : PinnedCertificates(listener, settings!);
        if (options.Server is { } server)
        {
            var (host, port) = ParseServer(server);
            var tls = port == 465 ? SecureSocketOptions.SslOnConnect : IsLoopback(host) ? SecureSocketOptions.None : SecureSocketOptions.StartTls;
            return new SendmailTarget(host, port, tls, hostname, maxSize, pinned);
        }

        var endpoint = listener!.Endpoint!;
        var address = endpoint.Address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : endpoint.Address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : endpoint.Address;
        // On loopback the message never leaves this host, so a STARTTLS listener is used in
        // plaintext; elsewhere TLS is required, as the relay's own invariant asks.
        var mode = listener.Tls switch
        {
            SmtpTlsMode.Implicit => SecureSocketOptions.SslOnConnect,
            SmtpTlsMode.StartTls when !IPAddress.IsLoopback(address) => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        return new SendmailTarget(address.ToString(), endpoint.Port, mode, hostname, maxSize, pinned);
    }

    /// <summary>A certificate is accepted when it validates (PKIX and host name), when it is the
    /// listener's own (configured or self-signed, if this user may read it), or on loopback,
    /// where TLS protects nothing that the host does not already see.</summary>
    public bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        errors == SslPolicyErrors.None || _loopback
        || (certificate is not null && _pinned.Contains(certificate.GetCertHashString(HashAlgorithmName.SHA256)));

    private static RelaySettings? LoadSettings(SendmailOptions options)
    {
        var path = options.ConfigFile;
        if (path is null)
        {
            path = File.Exists(CommandLine.DefaultConfigPath) || !File.Exists(SendmailCommand.InstalledConfigPath) ? CommandLine.DefaultConfigPath : SendmailCommand.InstalledConfigPath;
            if (options.Server is not null && !File.Exists(path))
            {
                return null;
            }
        }

        try
        {
            return RelayConfigLoader.Load(path);
        }
        catch (ConfigurationException e)
        {
            throw new SendmailException(SysExits.Config, e.Message, e);
        }
    }

    private static HashSet<string> PinnedCertificates(ListenerConfig listener, RelaySettings settings)
    {
        var file = listener.CertificateFile ?? Path.Combine(settings.DataDir, "tls", "selfsigned.crt");
        try
        {
            using var certificate = X509Certificate2.CreateFromPemFile(file);
            return [certificate.GetCertHashString(HashAlgorithmName.SHA256)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return []; // not readable by this user: PKIX validation decides
        }
    }

    private static (string Host, int Port) ParseServer(string server)
    {
        var colon = server.LastIndexOf(':');
        if (colon > 0 && int.TryParse(server.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            return (server[..colon].Trim('[', ']'), port);
        }

        throw new SendmailException(SysExits.Usage, $"--server {server}: expected host:port");
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
