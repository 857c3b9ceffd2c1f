using System.Net;
using SecureRelay.Smtp;

namespace SecureRelay.Configuration;

/// <summary>A validated listener.</summary>
public sealed record ListenerSettings(
    string Name,
    IPEndPoint Endpoint,
    SmtpTlsMode Tls,
    SmtpAuthMode Auth,
    IReadOnlyList<IPNetwork> RelayNetworks,
    string? CertificateFile,
    string? KeyFile);
