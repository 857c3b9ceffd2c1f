using System.Net.Sockets;
using System.Text;

namespace SecureRelay.LoadGen;

/// <summary>One connection of the counting sink: a minimal, permissive ESMTP server with
/// PIPELINING (replies are flushed only when no more pipelined input is buffered).</summary>
internal sealed class SinkSession
{
    private const long MaxMessageBytes = 64L * 1024 * 1024;
    private static readonly byte[] Greeting = Encoding.ASCII.GetBytes("220 bench-sink ESMTP\r\n");
    private static readonly byte[] EhloReply = Encoding.ASCII.GetBytes(
        "250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250-ENHANCEDSTATUSCODES\r\n250 SMTPUTF8\r\n");
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

    public SinkSession(TcpClient client, CountingSink owner, double idleSeconds)
    {
        _client = client;
        _owner = owner;
        _idle = TimeSpan.FromSeconds(idleSeconds);
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var client = _client;
        client.NoDelay = true;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var ct = idle.Token;
        var stream = client.GetStream();
        var output = new BufferedStream(stream, 8192);
        var reader = new SmtpByteReader(stream);
        var rcpts = 0;
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
                        await output.WriteAsync(EhloReply, ct).ConfigureAwait(false);
                        break;
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
                        var bytes = await reader.SkipDataAsync(MaxMessageBytes, ct).ConfigureAwait(false);
                        if (bytes < 0)
                        {
                            return;
                        }

                        await output.WriteAsync(Queued, ct).ConfigureAwait(false);
                        await output.FlushAsync(ct).ConfigureAwait(false);
                        _owner.MessageDelivered(rcpts, bytes);
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
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException or ObjectDisposedException)
        {
            // Client went away, idle limit, or the sink is stopping: nothing to report per session.
        }
    }
}
