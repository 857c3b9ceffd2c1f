using System.Globalization;
using System.Net;

namespace SecureRelay.Delivery.Outbound;

/// <summary>One open SMTP connection to a destination, reused for several messages.</summary>
internal sealed class OutboundSession(RelaySmtpClient client, string destination, string host, IPAddress address, int port) : IAsyncDisposable
{
    public RelaySmtpClient Client { get; } = client;

    public string Destination { get; } = destination;

    /// <summary>Remote host name (for Remote-MTA).</summary>
    public string Host { get; } = host;

    /// <summary>Postfix style <c>host[ip]:port</c>.</summary>
    public string Relay { get; } = string.Create(CultureInfo.InvariantCulture, $"{host}[{address}]:{port}");

    /// <summary>What the connection offers for the recipients' TLS requirements (set after connecting).</summary>
    public SessionSecurity Security { get; set; } = SessionSecurity.Plain;

    public int Messages { get; set; }

    /// <summary>False once a transaction left the connection in an unknown state.</summary>
    public bool Reusable { get; set; } = true;

    /// <summary>The connection died mid-transaction (reset, timeout, protocol error).</summary>
    public bool ConnectionLost { get; set; }

    public bool IsOpen => Reusable && Client.IsConnected;

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Client.IsConnected)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await Client.DisconnectAsync(quit: true, cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException)
        {
            // QUIT is a courtesy; the peer may already be gone.
        }
        finally
        {
            Client.Dispose();
        }
    }
}
