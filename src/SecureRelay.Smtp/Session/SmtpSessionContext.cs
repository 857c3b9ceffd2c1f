using System.Net.Security;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Smtp.Session;

/// <summary>Everything a session needs from its listener; built once per <see cref="SmtpConnectionHandler"/>.</summary>
internal sealed record SmtpSessionContext(
    SmtpServerOptions Server,
    SmtpListenerOptions Listener,
    SslStreamCertificateContext? Certificate,
    IMessageAcceptor Acceptor,
    ISmtpAuthenticator? Authenticator,
    ISmtpServerEvents? Events,
    SmtpClientTracker Tracker,
    ILogger Logger)
{
    public SmtpLimits Limits => Server.Limits;
}
