using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecureRelay.Testing;

/// <summary>
/// A small scripted SMTP server on loopback for what Postfix's smtp-sink cannot do: replies per
/// command are programmable (per recipient for RCPT), STARTTLS with a given certificate, and it
/// records connections, peak concurrency, commands and the messages it accepted. Every read is
/// bounded: a line longer than <see cref="MaxLineBytes"/> or a message larger than
/// <see cref="MaxMessageChars"/> drops the connection.
/// </summary>
public sealed class ScriptedSmtpSink : LoopbackTcpServer
{
    public const int MaxLineBytes = 64 * 1024;
    public const int MaxMessageChars = 64 * 1024 * 1024;

    private int _current;
    private int _peak;
    private int _tlsSessions;

    /// <summary>Starts listening on <paramref name="address"/> (default 127.0.0.1) and <paramref name="port"/> (0 = free).</summary>
    public ScriptedSmtpSink(IPAddress? address = null, int port = 0)
        : base(address, port)
    {
        Start();
    }

    public string Greeting { get; set; } = "220 sink.test ESMTP";

    public bool AdvertiseDsn { get; set; } = true;

    /// <summary>When set, STARTTLS is offered with this certificate.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>The TLS versions the STARTTLS handshake accepts (None = the system's defaults).</summary>
    public SslProtocols TlsProtocols { get; set; } = SslProtocols.None;

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

    /// <summary>Optional counter shared by several sinks (overall concurrency).</summary>
    public ConcurrencyCounter? Shared { get; set; }

    public int PeakConcurrency => Volatile.Read(ref _peak);

    /// <summary>STARTTLS handshakes completed.</summary>
    public int TlsSessions => Volatile.Read(ref _tlsSessions);

    public async Task<bool> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Messages.Count >= count;
    }

    protected override async Task ServeAsync(TcpClient client, int connection)
    {
        Shared?.Enter();
        int now = Interlocked.Increment(ref _current);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        Stream stream = client.GetStream();
        PipeReader reader = Reader(stream);
        try
        {
            var writer = Writer(stream);
            SslProtocols tls = SslProtocols.None;
            await writer.WriteLineAsync(Greeting);
            if (!Greeting.StartsWith('2'))
            {
                return;
            }

            string mailFrom = string.Empty;
            int onThisConnection = 0;
            var rcpts = new List<string>();
            while (await ReadLineAsync(reader, Stopping) is { } line)
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
                        // Anything buffered before the handshake is discarded (no command injection).
                        await reader.CompleteAsync();
                        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                        stream = ssl;
                        await ssl.AuthenticateAsServerAsync(
                            new SslServerAuthenticationOptions { ServerCertificate = Certificate, EnabledSslProtocols = TlsProtocols }, Stopping);
                        Interlocked.Increment(ref _tlsSessions);
                        tls = ssl.SslProtocol;
                        reader = Reader(stream);
                        writer = Writer(stream);
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
                        if (lt < 0 || gt < lt)
                        {
                            await writer.WriteLineAsync("501 5.1.3 Bad recipient address syntax");
                            break;
                        }

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
                        while (await ReadLineAsync(reader, Stopping) is { } d && d != ".")
                        {
                            data.Append(d.StartsWith('.') ? d[1..] : d).Append("\r\n");
                            if (data.Length > MaxMessageChars)
                            {
                                throw new IOException("message too large");
                            }
                        }

                        DataStarted.TrySetResult();
                        if (DataDelay > TimeSpan.Zero)
                        {
                            await Task.Delay(DataDelay, Stopping);
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
        catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException or AuthenticationException or InvalidOperationException)
        {
            // The client went away, sent too much, or the sink is stopping.
        }
        finally
        {
            await reader.CompleteAsync();
            await stream.DisposeAsync();
            client.Dispose();
            Interlocked.Decrement(ref _current);
            Shared?.Exit();
        }
    }

    private static PipeReader Reader(Stream stream) => PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));

    private static StreamWriter Writer(Stream stream) => new(stream, Encoding.Latin1, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };

    /// <summary>One line without its CRLF (Latin-1), or null at end of stream; throws past <see cref="MaxLineBytes"/>.</summary>
    private static async Task<string?> ReadLineAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = result.Buffer;
            if (buffer.PositionOf((byte)'\n') is { } lf)
            {
                ReadOnlySequence<byte> line = buffer.Slice(0, lf);
                if (line.Length > MaxLineBytes)
                {
                    throw new IOException("line too long");
                }

                string text = Encoding.Latin1.GetString(line);
                reader.AdvanceTo(buffer.GetPosition(1, lf));
                return text.EndsWith('\r') ? text[..^1] : text;
            }

            if (buffer.Length > MaxLineBytes)
            {
                throw new IOException("line too long");
            }

            if (result.IsCompleted)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
