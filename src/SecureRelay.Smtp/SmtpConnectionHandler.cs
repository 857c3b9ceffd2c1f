using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.Extensions.Logging;
using SecureRelay.Smtp.Session;

namespace SecureRelay.Smtp;

/// <summary>
/// The SMTP server for one listener, as a Kestrel connection handler. Wire it with
/// <c>listenOptions.Run(handler.OnConnectedAsync)</c>; or drive a session over any
/// <see cref="IDuplexPipe"/> with <see cref="RunSessionAsync"/> (tests use in-memory pipes).
/// </summary>
/// <example>
/// <code>
/// var tracker = new SmtpClientTracker();   // shared: per-address limits apply across listeners
/// var handler = new SmtpConnectionHandler(serverOptions, listenerOptions, acceptor, authenticator, loggerFactory, metrics, tracker);
/// builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint, lo => lo.Run(handler.OnConnectedAsync)));
/// </code>
/// </example>
public sealed class SmtpConnectionHandler : ConnectionHandler
{
    private const string SessionIdAlphabet = "0123456789BCDFGHJKLMNPQRSTVWXYZ";
    private static readonly IPEndPoint Unknown = new(IPAddress.None, 0);

    private readonly SmtpSessionContext _context;

    /// <summary>Creates the handler and validates the options.</summary>
    /// <param name="serverOptions">Host name and limits.</param>
    /// <param name="listenerOptions">This listener's TLS, AUTH and relay settings.</param>
    /// <param name="acceptor">Decides on senders and recipients and takes message content.</param>
    /// <param name="authenticator">Checks AUTH credentials; required when <see cref="SmtpListenerOptions.Auth"/> is not None.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="events">Optional observer for metrics.</param>
    /// <param name="clientTracker">Connection counts (in all and per address), stress and AUTH-failure state;
    /// pass one instance to every listener to make those limits server-wide. A private one is created when null.</param>
    /// <exception cref="ArgumentException">The options are inconsistent (for example AUTH without TLS).</exception>
    public SmtpConnectionHandler(
        SmtpServerOptions serverOptions,
        SmtpListenerOptions listenerOptions,
        IMessageAcceptor acceptor,
        ISmtpAuthenticator? authenticator,
        ILoggerFactory loggerFactory,
        ISmtpServerEvents? events = null,
        SmtpClientTracker? clientTracker = null)
    {
        ArgumentNullException.ThrowIfNull(serverOptions);
        ArgumentNullException.ThrowIfNull(listenerOptions);
        ArgumentNullException.ThrowIfNull(acceptor);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        serverOptions.Validate();
        listenerOptions.Validate();
        if (listenerOptions.Auth != SmtpAuthMode.None && authenticator is null)
        {
            throw new ArgumentException($"Listener '{listenerOptions.Name}': auth={listenerOptions.Auth} needs an authenticator.", nameof(authenticator));
        }

        var certificate = listenerOptions.ServerCertificate is null
            ? null
            : SslStreamCertificateContext.Create(listenerOptions.ServerCertificate, additionalCertificates: null, offline: true);
        ClientTracker = clientTracker ?? new SmtpClientTracker();
        _context = new SmtpSessionContext(
            serverOptions,
            listenerOptions,
            certificate,
            acceptor,
            authenticator,
            events,
            ClientTracker,
            loggerFactory.CreateLogger("SecureRelay.Smtp"));
    }

    /// <summary>The connection and AUTH state this handler uses.</summary>
    public SmtpClientTracker ClientTracker { get; }

    /// <summary>Runs one SMTP session on a Kestrel connection until it ends.</summary>
    public override Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return RunSessionAsync(
            connection.Transport,
            connection.RemoteEndPoint as IPEndPoint ?? Unknown,
            connection.LocalEndPoint as IPEndPoint ?? Unknown,
            connection.ConnectionClosed,
            connection.Features.Get<IConnectionLifetimeNotificationFeature>()?.ConnectionClosedRequested ?? default);
    }

    /// <summary>
    /// Runs one SMTP session over <paramref name="transport"/> until the client quits, the connection
    /// drops, or a limit ends it. Completes both sides of the transport when done. Never throws for
    /// anything the client does.
    /// </summary>
    /// <param name="transport">The byte stream to the client (input: from the client).</param>
    /// <param name="remoteEndPoint">The client's address, used for relay networks and per-address limits.</param>
    /// <param name="localEndPoint">The address the client connected to.</param>
    /// <param name="cancellationToken">Aborts the session (connection closed or server stopping).</param>
    /// <param name="closeRequested">Graceful shutdown: at the next command boundary the client gets
    /// <c>421 4.3.2</c> and the session ends; a message being received is finished first.</param>
    public async Task RunSessionAsync(IDuplexPipe transport, IPEndPoint remoteEndPoint, IPEndPoint localEndPoint, CancellationToken cancellationToken = default, CancellationToken closeRequested = default)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(remoteEndPoint);
        ArgumentNullException.ThrowIfNull(localEndPoint);
        var address = remoteEndPoint.Address.IsIPv4MappedToIPv6 ? remoteEndPoint.Address.MapToIPv4() : remoteEndPoint.Address;
        var limits = _context.Limits;
        if (!ClientTracker.TryOpenServerConnection(limits))
        {
            SmtpLog.ServerFull(_context.Logger, remoteEndPoint.ToString(), _context.Listener.Name, limits.MaxConnections);
            await RefuseAsync(transport, remoteEndPoint, new SmtpReply(421, "4.7.0", $"{_context.Server.HostName} Error: too many connections"), cancellationToken);
            return;
        }

        try
        {
            if (!ClientTracker.TryOpenConnection(address, limits.ConnectionsPerAddress))
            {
                SmtpLog.TooManyConnections(_context.Logger, remoteEndPoint.ToString(), _context.Listener.Name, ClientTracker.ConnectionCount(address));
                await RefuseAsync(transport, remoteEndPoint, new SmtpReply(421, "4.7.0", $"{_context.Server.HostName} Error: too many connections from your address"), cancellationToken);
                return;
            }

            try
            {
                var info = new SmtpSessionInfo
                {
                    SessionId = RandomNumberGenerator.GetString(SessionIdAlphabet, 12),
                    ListenerName = _context.Listener.Name,
                    RemoteEndPoint = remoteEndPoint,
                    LocalEndPoint = localEndPoint,
                    InRelayNetworks = _context.Listener.IsInRelayNetworks(address),
                };
                await using var session = new SmtpSession(_context, transport, info, cancellationToken, closeRequested);
                await session.RunAsync();
            }
            finally
            {
                ClientTracker.CloseConnection(address);
            }
        }
        finally
        {
            ClientTracker.CloseServerConnection(limits);
        }
    }

    private async Task RefuseAsync(IDuplexPipe transport, IPEndPoint remote, SmtpReply reply, CancellationToken cancellationToken)
    {
        _context.Events?.ConnectionRefused(_context.Listener.Name, remote, reply);
        try
        {
            // On an implicit-TLS port the client expects a handshake, not text: just close.
            if (_context.Listener.Tls != SmtpTlsMode.Implicit)
            {
                await transport.Output.WriteAsync(Encoding.ASCII.GetBytes($"{reply.Code} {reply.EnhancedCode} {reply.Text}\r\n"), cancellationToken);
            }
        }
        catch (IOException ex)
        {
            SmtpLog.ConnectionLost(_context.Logger, "-", ex);
        }
        finally
        {
            await transport.Output.CompleteAsync();
            await transport.Input.CompleteAsync();
        }
    }
}
