using System.Net;
using System.Security.Authentication;

namespace SecureRelay.Smtp;

/// <summary>What is known about the client side of one SMTP connection. Read-only for hooks.</summary>
public sealed class SmtpSessionInfo
{
    /// <summary>A short unique id for log correlation.</summary>
    public required string SessionId { get; init; }

    /// <summary>The listener name from configuration.</summary>
    public required string ListenerName { get; init; }

    /// <summary>The client's address and port.</summary>
    public required IPEndPoint RemoteEndPoint { get; init; }

    /// <summary>The local address and port the client connected to.</summary>
    public required IPEndPoint LocalEndPoint { get; init; }

    /// <summary>The EHLO/HELO argument, or null before it.</summary>
    public string? HeloName { get; internal set; }

    /// <summary>True after EHLO (ESMTP), false after HELO.</summary>
    public bool IsExtended { get; internal set; }

    /// <summary>The TLS protocol in use, or null on a plain connection.</summary>
    public SslProtocols? TlsProtocol { get; internal set; }

    /// <summary>The negotiated TLS cipher suite name, or null.</summary>
    public string? TlsCipherSuite { get; internal set; }

    /// <summary>The authenticated user name, or null.</summary>
    public string? AuthenticatedUser { get; internal set; }

    /// <summary>True when the client address is inside the listener's relay networks.</summary>
    public bool InRelayNetworks { get; internal set; }

    /// <summary>True once TLS is active on the connection.</summary>
    public bool IsTls => TlsProtocol is not null;
}
