using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>One message as the sink received it.</summary>
public sealed record SinkMessage(int Connection, string MailFrom, IReadOnlyList<string> RcptTo, string Data, SslProtocols Tls = SslProtocols.None);

/// <summary>
/// A small scripted SMTP server on loopback: replies per command are programmable (per recipient for
/// RCPT), and it records connections, peak concurrency and what it accepted.
/// </summary>
public sealed class ScriptedSmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _cts = new();
    private readonly Task _accept;
    private readonly ConcurrentBag<Task> _sessions = [];
    private int _connections;
    private int _current;
    private int _peak;

    public ScriptedSmtpSink(IPAddress? address = null, int port = 0)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, port);
        _listener.Start(512);
        _accept = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Greeting { get; set; } = "220 sink.test ESMTP";

    public bool AdvertiseDsn { get; set; } = true;

    /// <summary>When set, STARTTLS is offered with this certificate.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>Offer REQUIRETLS (RFC 8689) once TLS is active.</summary>
    public bool AdvertiseRequireTls { get; set; }

    /// <summary>Reply to RCPT TO for an address (default 250).</summary>
    public Func<string, string> RcptReply { get; set; } = _ => "250 2.1.5 Ok";

    /// <summary>Reply to MAIL FROM.</summary>
    public string MailReply { get; set; } = "250 2.1.0 Ok";

    /// <summary>Reply after the final dot.</summary>
    public string DataReply { get; set; } = "250 2.0.0 Ok: queued";

    /// <summary>Delay before answering the final dot (to hold transactions in flight).</summary>
    public TimeSpan DataDelay { get; set; }

    /// <summary>Drop the connection silently after this many messages on it (0 = never), like a
    /// server's idle timeout closing a cached connection.</summary>
    public int DropAfterMessages { get; set; }

    /// <summary>Raised when the final dot arrives (before <see cref="DataDelay"/>).</summary>
    public TaskCompletionSource DataStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<SinkMessage> Messages { get; } = new();

    /// <summary>Every command line received (for checking parameters such as NOTIFY).</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Optional counter shared by several sinks (overall concurrency).</summary>
    public ConcurrencyCounter? Shared { get; set; }

    public int PeakConcurrency => Volatile.Read(ref _peak);

    public async Task<bool> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Messages.Count >= count;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_cts.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_cts.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            int n = Interlocked.Increment(ref _connections);
            _sessions.Add(Task.Run(() => SessionAsync(client, n)));
        }
    }

    private async Task SessionAsync(TcpClient client, int connection)
    {
        Shared?.Enter();
        int now = Interlocked.Increment(ref _current);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        try
        {
            using (client)
            {
                Stream stream = client.GetStream();
                var reader = new StreamReader(stream, Encoding.Latin1);
                var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                SslProtocols tls = SslProtocols.None;
                await writer.WriteLineAsync(Greeting);
                if (!Greeting.StartsWith('2'))
                {
                    return;
                }

                string mailFrom = string.Empty;
                int onThisConnection = 0;
                var rcpts = new List<string>();
                while (await reader.ReadLineAsync(_cts.Token) is { } line)
                {
                    Commands.Enqueue(line);
                    string verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-sink.test");
                            await writer.WriteLineAsync("250-PIPELINING");
                            await writer.WriteLineAsync("250-8BITMIME");
                            await writer.WriteLineAsync("250-ENHANCEDSTATUSCODES");
                            if (Certificate is not null && tls == SslProtocols.None)
                            {
                                await writer.WriteLineAsync("250-STARTTLS");
                            }

                            if (AdvertiseRequireTls && tls != SslProtocols.None)
                            {
                                await writer.WriteLineAsync("250-REQUIRETLS");
                            }

                            if (AdvertiseDsn)
                            {
                                await writer.WriteLineAsync("250-DSN");
                            }

                            await writer.WriteLineAsync("250 SIZE 10240000");
                            break;
                        case "STARTTLS" when Certificate is not null && tls == SslProtocols.None:
                            await writer.WriteLineAsync("220 2.0.0 Ready to start TLS");
                            var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = Certificate }, _cts.Token);
                            tls = ssl.SslProtocol;
                            stream = ssl;
                            // Anything buffered before the handshake is discarded (no command injection).
                            reader = new StreamReader(stream, Encoding.Latin1);
                            writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                            break;
                        case "HELO":
                            await writer.WriteLineAsync("250 sink.test");
                            break;
                        case "MAIL":
                            mailFrom = line;
                            rcpts.Clear();
                            await writer.WriteLineAsync(MailReply);
                            break;
                        case "RCPT":
                            int lt = line.IndexOf('<', StringComparison.Ordinal), gt = line.IndexOf('>', StringComparison.Ordinal);
                            string addr = line[(lt + 1)..gt];
                            string reply = RcptReply(addr);
                            if (reply.StartsWith('2'))
                            {
                                rcpts.Add(addr);
                            }

                            await writer.WriteLineAsync(reply);
                            break;
                        case "DATA":
                            if (rcpts.Count == 0)
                            {
                                await writer.WriteLineAsync("554 5.5.1 Error: no valid recipients");
                                break;
                            }

                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_cts.Token) is { } d && d != ".")
                            {
                                data.Append(d.StartsWith('.') ? d[1..] : d).Append("\r\n");
                            }

                            DataStarted.TrySetResult();
                            if (DataDelay > TimeSpan.Zero)
                            {
                                await Task.Delay(DataDelay, _cts.Token);
                            }

                            if (DataReply.StartsWith('2'))
                            {
                                Messages.Enqueue(new SinkMessage(connection, mailFrom, rcpts.ToList(), data.ToString(), tls));
                            }

                            await writer.WriteLineAsync(DataReply);
                            if (DropAfterMessages > 0 && ++onThisConnection >= DropAfterMessages)
                            {
                                return;
                            }

                            break;
                        case "RSET":
                            rcpts.Clear();
                            await writer.WriteLineAsync("250 2.0.0 Ok");
                            break;
                        case "NOOP":
                            await writer.WriteLineAsync("250 2.0.0 Ok");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.2 Error: command not recognized");
                            break;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException or AuthenticationException)
        {
            // The client went away or the sink is stopping.
        }
        finally
        {
            Interlocked.Decrement(ref _current);
            Shared?.Exit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        _listener.Stop();
        await _accept;
        await Task.WhenAll(_sessions);
        _cts.Dispose();
    }
}
