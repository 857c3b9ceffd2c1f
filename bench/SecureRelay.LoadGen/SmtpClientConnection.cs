using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace SecureRelay.LoadGen;

/// <summary>
/// One client SMTP connection of the load generator: greeting, EHLO, optional STARTTLS, and
/// transactions sent with PIPELINING (MAIL, RCPT..., DATA in one write; RFC 2920) when offered.
/// </summary>
internal sealed class SmtpClientConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private Stream _stream;
    private SmtpByteReader _reader;
    private bool _pipelining;
    private bool _startTlsOffered;

    private SmtpClientConnection(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new SmtpByteReader(_stream);
    }

    /// <summary>Connects, reads the greeting and sends EHLO (and STARTTLS + EHLO when asked).</summary>
    public static async Task<SmtpClientConnection> OpenAsync(string host, int port, bool startTls, CancellationToken ct)
    {
        var tcp = new TcpClient { NoDelay = true };
        SmtpClientConnection? conn = null;
        try
        {
            await tcp.ConnectAsync(host, port, ct).ConfigureAwait(false);
            conn = new SmtpClientConnection(tcp);
            await conn.ExpectAsync(220, "greeting", ct).ConfigureAwait(false);
            await conn.EhloAsync(ct).ConfigureAwait(false);
            if (startTls)
            {
                await conn.StartTlsAsync(host, ct).ConfigureAwait(false);
            }

            return conn;
        }
        catch
        {
            if (conn is not null)
            {
                await conn.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                tcp.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// Sends one transaction. Returns the time from the end of the final <c>.</c> to the 250 reply
    /// in Stopwatch ticks; throws <see cref="SmtpRejectedException"/> on a non-2xx/3xx reply.
    /// </summary>
    public async Task<long> SendAsync(string sender, IReadOnlyList<string> recipients, byte[] content, CancellationToken ct)
    {
        var sb = new StringBuilder(64 + (recipients.Count * 40));
        sb.Append("MAIL FROM:<").Append(sender).Append(">\r\n");
        if (_pipelining)
        {
            foreach (var r in recipients)
            {
                sb.Append("RCPT TO:<").Append(r).Append(">\r\n");
            }

            sb.Append("DATA\r\n");
            await WriteAsync(sb.ToString(), ct).ConfigureAwait(false);
            var mail = await ReadReplyAsync(ct).ConfigureAwait(false);
            var accepted = 0;
            for (var i = 0; i < recipients.Count; i++)
            {
                if ((await ReadReplyAsync(ct).ConfigureAwait(false)).Code / 100 == 2)
                {
                    accepted++;
                }
            }

            var data = await ReadReplyAsync(ct).ConfigureAwait(false);
            if (mail.Code / 100 != 2 || accepted == 0 || data.Code != 354)
            {
                if (data.Code == 354)
                {
                    // The server is now reading content; end it empty so the session stays usable.
                    await WriteAsync(".\r\n", ct).ConfigureAwait(false);
                    await ReadReplyAsync(ct).ConfigureAwait(false);
                }

                await WriteAsync("RSET\r\n", ct).ConfigureAwait(false);
                await ReadReplyAsync(ct).ConfigureAwait(false);
                throw new SmtpRejectedException($"MAIL {mail.Code}, {accepted}/{recipients.Count} RCPT accepted, DATA {data.Code}: {data.Last}");
            }
        }
        else
        {
            try
            {
                await WriteAsync(sb.ToString(), ct).ConfigureAwait(false);
                await ExpectAsync(250, "MAIL", ct).ConfigureAwait(false);
                foreach (var r in recipients)
                {
                    await WriteAsync("RCPT TO:<" + r + ">\r\n", ct).ConfigureAwait(false);
                    await ExpectAsync(250, "RCPT", ct).ConfigureAwait(false);
                }

                await WriteAsync("DATA\r\n", ct).ConfigureAwait(false);
                await ExpectAsync(354, "DATA", ct).ConfigureAwait(false);
            }
            catch (SmtpRejectedException)
            {
                // Leave the session clean for the next transaction.
                await WriteAsync("RSET\r\n", ct).ConfigureAwait(false);
                await ReadReplyAsync(ct).ConfigureAwait(false);
                throw;
            }
        }

        await _stream.WriteAsync(content, ct).ConfigureAwait(false);
        await _stream.FlushAsync(ct).ConfigureAwait(false);
        var dotSent = Stopwatch.GetTimestamp();
        var final = await ReadReplyAsync(ct).ConfigureAwait(false);
        var elapsed = Stopwatch.GetTimestamp() - dotSent;
        if (final.Code / 100 != 2)
        {
            throw new SmtpRejectedException($"end of DATA answered {final.Code}: {final.Last}");
        }

        return elapsed;
    }

    /// <summary>Sends QUIT and waits briefly for the reply; errors are irrelevant at this point.</summary>
    public async Task QuitAsync(CancellationToken ct)
    {
        try
        {
            await WriteAsync("QUIT\r\n", ct).ConfigureAwait(false);
            await ReadReplyAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException)
        {
            // The server may close first; the connection is being discarded anyway.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
    }

    private async Task EhloAsync(CancellationToken ct)
    {
        await WriteAsync("EHLO loadgen.bench.invalid\r\n", ct).ConfigureAwait(false);
        var reply = await ReadReplyAsync(ct).ConfigureAwait(false);
        if (reply.Code != 250)
        {
            throw new SmtpRejectedException($"EHLO answered {reply.Code}: {reply.Last}");
        }

        // Extension keywords follow the "250-"/"250 " prefix on every line after the first.
        var keywords = reply.Lines.Skip(1).Select(l => l.Length > 4 ? l[4..].Split(' ')[0].ToUpperInvariant() : string.Empty).ToHashSet();
        _pipelining = keywords.Contains("PIPELINING");
        _startTlsOffered = keywords.Contains("STARTTLS");
    }

    private async Task StartTlsAsync(string host, CancellationToken ct)
    {
        if (!_startTlsOffered)
        {
            throw new SmtpRejectedException("STARTTLS requested but not offered by the server");
        }

        await WriteAsync("STARTTLS\r\n", ct).ConfigureAwait(false);
        await ExpectAsync(220, "STARTTLS", ct).ConfigureAwait(false);
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
#pragma warning disable CA5359 // Benchmark against a loopback server with a throw-away self-signed certificate: validation is not what is measured.
            RemoteCertificateValidationCallback = static (_, _, _, _) => true,
#pragma warning restore CA5359
        };
        await ssl.AuthenticateAsClientAsync(options, ct).ConfigureAwait(false);
        _stream = ssl;

        // Anything buffered before the handshake is discarded with the old reader (RFC 3207 §4.2).
        _reader = new SmtpByteReader(_stream);
        await EhloAsync(ct).ConfigureAwait(false);
    }

    private async Task ExpectAsync(int code, string what, CancellationToken ct)
    {
        var reply = await ReadReplyAsync(ct).ConfigureAwait(false);
        if (reply.Code != code)
        {
            throw new SmtpRejectedException($"{what} answered {reply.Code}: {reply.Last}");
        }
    }

    private async Task WriteAsync(string s, CancellationToken ct)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(s), ct).ConfigureAwait(false);
        await _stream.FlushAsync(ct).ConfigureAwait(false);
    }

    private async Task<SmtpReplyLine> ReadReplyAsync(CancellationToken ct)
    {
        var lines = new List<string>(1);
        for (var i = 0; i < 100; i++)
        {
            var line = await _reader.ReadLineAsync(ct).ConfigureAwait(false)
                ?? throw new IOException("connection closed by server");
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), out var code))
            {
                throw new InvalidDataException("malformed SMTP reply");
            }

            lines.Add(line);
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpReplyLine(code, lines);
            }
        }

        throw new InvalidDataException("SMTP reply with more than 100 lines");
    }
}
