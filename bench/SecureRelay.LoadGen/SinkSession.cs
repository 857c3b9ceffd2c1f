using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SecureRelay.LoadGen;

/// <summary>One connection of the counting sink: a minimal, permissive ESMTP server with
/// PIPELINING (replies are flushed only when no more pipelined input is buffered), STARTTLS when it
/// has a certificate, and per message two checks the benchmark reports: did it carry a
/// <c>DKIM-Signature:</c> header field, and did it arrive over TLS.</summary>
internal sealed class SinkSession
{
    private const long MaxMessageBytes = 64L * 1024 * 1024;
    private static readonly byte[] Greeting = Encoding.ASCII.GetBytes("220 bench-sink ESMTP\r\n");
    private const int MaxHeaderLines = 10_000;
    private static readonly byte[] EhloReply = Encoding.ASCII.GetBytes(
        "250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250 SMTPUTF8\r\n");
    private static readonly byte[] EhloReplyTls = Encoding.ASCII.GetBytes(
        "250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250-STARTTLS\r\n250 SMTPUTF8\r\n");
    private static readonly byte[] TlsReady = Encoding.ASCII.GetBytes("220 2.0.0 Ready to start TLS\r\n");
    private static readonly byte[] TlsUnavailable = Encoding.ASCII.GetBytes("503 5.5.1 Error: TLS not available\r\n");
    private static readonly byte[] Ok = Encoding.ASCII.GetBytes("250 2.0.0 Ok\r\n");
    private static readonly byte[] RcptOk = Encoding.ASCII.GetBytes("250 2.1.5 Ok\r\n");
    private static readonly byte[] StartData = Encoding.ASCII.GetBytes("354 End data with <CR><LF>.<CR><LF>\r\n");
    private static readonly byte[] Queued = Encoding.ASCII.GetBytes("250 2.0.0 Ok: queued\r\n");
    private static readonly byte[] Bye = Encoding.ASCII.GetBytes("221 2.0.0 Bye\r\n");
    private static readonly byte[] Unknown = Encoding.ASCII.GetBytes("502 5.5.2 Error: command not recognized\r\n");
    private static readonly byte[] NoRcpt = Encoding.ASCII.GetBytes("554 5.5.1 Error: no valid recipients\r\n");

    private readonly TcpClient _client;
    private readonly CountingSink _owner;
    private readonly TimeSpan _idle;
    private readonly X509Certificate2? _certificate;

    public SinkSession(TcpClient client, CountingSink owner, double idleSeconds, X509Certificate2? certificate)
    {
        _client = client;
        _owner = owner;
        _idle = TimeSpan.FromSeconds(idleSeconds);
        _certificate = certificate;
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var client = _client;
        client.NoDelay = true;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var ct = idle.Token;
        Stream stream = client.GetStream();
        var output = new BufferedStream(stream, 8192);
        var reader = new SmtpByteReader(stream);
        var rcpts = 0;
        var tls = false;
        try
        {
            await output.WriteAsync(Greeting, ct).ConfigureAwait(false);
            await output.FlushAsync(ct).ConfigureAwait(false);
            while (true)
            {
                idle.CancelAfter(_idle);
                var line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
                if (line is null)
                {
                    return;
                }

                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await output.WriteAsync(_certificate is not null && !tls ? EhloReplyTls : EhloReply, ct).ConfigureAwait(false);
                        break;
                    case "STAR" when line.Equals("STARTTLS", StringComparison.OrdinalIgnoreCase):
                        if (_certificate is null || tls)
                        {
                            await output.WriteAsync(TlsUnavailable, ct).ConfigureAwait(false);
                            break;
                        }

                        await output.WriteAsync(TlsReady, ct).ConfigureAwait(false);
                        await output.FlushAsync(ct).ConfigureAwait(false);
                        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                        await ssl.AuthenticateAsServerAsync(
                            new SslServerAuthenticationOptions
                            {
                                ServerCertificate = _certificate,
                                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                                ClientCertificateRequired = false,
                            },
                            ct).ConfigureAwait(false);
                        stream = ssl;
                        output = new BufferedStream(stream, 8192);

                        // Plaintext pipelined after STARTTLS is discarded with the old reader (RFC 3207 §4.2).
                        reader = new SmtpByteReader(stream);
                        tls = true;
                        rcpts = 0;
                        continue;
                    case "HELO":
                    case "NOOP":
                        await output.WriteAsync(Ok, ct).ConfigureAwait(false);
                        break;
                    case "MAIL":
                    case "RSET":
                        rcpts = 0;
                        await output.WriteAsync(Ok, ct).ConfigureAwait(false);
                        break;
                    case "RCPT":
                        rcpts++;
                        await output.WriteAsync(RcptOk, ct).ConfigureAwait(false);
                        break;
                    case "DATA":
                        if (rcpts == 0)
                        {
                            await output.WriteAsync(NoRcpt, ct).ConfigureAwait(false);
                            break;
                        }

                        await output.WriteAsync(StartData, ct).ConfigureAwait(false);
                        await output.FlushAsync(ct).ConfigureAwait(false);
                        var (bytes, signed) = await ReadContentAsync(reader, ct).ConfigureAwait(false);
                        if (bytes < 0)
                        {
                            return;
                        }

                        await output.WriteAsync(Queued, ct).ConfigureAwait(false);
                        await output.FlushAsync(ct).ConfigureAwait(false);
                        _owner.MessageDelivered(rcpts, bytes, signed, tls);
                        rcpts = 0;
                        break;
                    case "QUIT":
                        await output.WriteAsync(Bye, ct).ConfigureAwait(false);
                        await output.FlushAsync(ct).ConfigureAwait(false);
                        return;
                    default:
                        await output.WriteAsync(Unknown, ct).ConfigureAwait(false);
                        break;
                }

                if (!reader.HasBufferedData)
                {
                    await output.FlushAsync(ct).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException or ObjectDisposedException or AuthenticationException)
        {
            // Client went away, idle limit, or the sink is stopping: nothing to report per session.
        }
    }

    /// <summary>
    /// Reads the header section line by line (looking for a <c>DKIM-Signature:</c> field at a line
    /// start; folded continuation lines start with white space and cannot match), then skips the
    /// body through <c>CRLF.CRLF</c>. Returns the bytes consumed (-1 when the stream ended) and
    /// whether the message was signed.
    /// </summary>
    private static async Task<(long Bytes, bool Signed)> ReadContentAsync(SmtpByteReader reader, CancellationToken ct)
    {
        long bytes = 0;
        var signed = false;
        for (var lines = 0; lines < MaxHeaderLines; lines++)
        {
            var line = await reader.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null)
            {
                return (-1, signed);
            }

            bytes += line.Length + 2;
            if (line == ".")
            {
                return (bytes, signed);
            }

            if (line.Length == 0)
            {
                break;
            }

            signed |= line.StartsWith("DKIM-Signature:", StringComparison.OrdinalIgnoreCase);
        }

        var body = await reader.SkipDataAsync(MaxMessageBytes - bytes, ct).ConfigureAwait(false);
        return (body < 0 ? -1 : bytes + body, signed);
    }
}
