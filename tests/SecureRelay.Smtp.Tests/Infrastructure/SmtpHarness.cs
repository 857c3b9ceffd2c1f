using System.Net;
using SecureRelay.Smtp;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>An SMTP handler wired to a recording acceptor, driven over in-memory pipes.</summary>
internal sealed class SmtpHarness
{
    public static readonly IPEndPoint RelayClient = new(IPAddress.Parse("10.1.2.3"), 40000);
    public static readonly IPEndPoint OutsideClient = new(IPAddress.Parse("203.0.113.9"), 40000);
    public static readonly IPEndPoint ServerEndPoint = new(IPAddress.Parse("10.0.0.1"), 25);

    /// <summary>EHLO, MAIL and one RCPT: the start of a transaction, ready for DATA or BDAT.</summary>
    public const string Envelope = "EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\n";

    public SmtpHarness(Action<SmtpServerOptions>? server = null, Action<SmtpListenerOptions>? listener = null, SmtpClientTracker? tracker = null, ISmtpAuthenticator? authenticator = null)
    {
        ServerOptions = new SmtpServerOptions { HostName = "mx.test.example" };
        server?.Invoke(ServerOptions);
        ListenerOptions = new SmtpListenerOptions { Name = "test", RelayNetworks = [IPNetwork.Parse("10.0.0.0/8")] };
        listener?.Invoke(ListenerOptions);
        Handler = new SmtpConnectionHandler(
            ServerOptions,
            ListenerOptions,
            Acceptor,
            ListenerOptions.Auth == SmtpAuthMode.None ? null : authenticator ?? new TestAuthenticator(),
            Logs,
            Events,
            tracker);
    }

    public SmtpServerOptions ServerOptions { get; }

    public SmtpListenerOptions ListenerOptions { get; }

    public RecordingAcceptor Acceptor { get; } = new();

    public RecordingEvents Events { get; } = new();

    public TestLoggerFactory Logs { get; } = new();

    public SmtpConnectionHandler Handler { get; }

    public static SmtpHarness WithTls(
        SmtpAuthMode auth = SmtpAuthMode.Optional,
        SmtpTlsMode tls = SmtpTlsMode.StartTls,
        Action<SmtpServerOptions>? server = null,
        ISmtpAuthenticator? authenticator = null,
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null) =>
        new(
            server,
            l =>
            {
                l.Tls = tls;
                l.Auth = auth;
                l.ServerCertificate = certificate ?? TestCertificates.Server;
            },
            authenticator: authenticator);

    public TestConnection Connect(IPEndPoint? remote = null, CancellationToken closeRequested = default) =>
        new(Handler, remote ?? RelayClient, ServerEndPoint, closeRequested: closeRequested);

    /// <summary>Sends a whole client transcript the given way and returns everything the server wrote.</summary>
    public async Task<string> ReplayAsync(string transcript, Fragmentation fragmentation, IPEndPoint? remote = null)
    {
        var connection = Connect(remote);
        return await connection.ReplayAsync(transcript, fragmentation);
    }
}
