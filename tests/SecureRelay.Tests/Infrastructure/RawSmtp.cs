using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>A plain-text SMTP conversation, one command at a time, for what no real client will
/// send (AUTH that was not advertised, malformed commands).</summary>
public static class RawSmtp
{
    /// <summary>Reads the greeting, then sends each line and reads its (possibly multi-line) reply;
    /// returns the whole transcript.</summary>
    public static Task<string> ConverseAsync(int port, params string[] lines) => ConverseFromAsync(IPAddress.Loopback, port, lines);

    /// <summary>As <see cref="ConverseAsync"/>, from another loopback source address (127.0.0.2, 127.0.0.3 …),
    /// so a client can be outside (or inside) a listener's relay_networks.</summary>
    public static async Task<string> ConverseFromAsync(IPAddress localAddress, int port, params string[] lines)
    {
        using var client = new TcpClient(new IPEndPoint(localAddress, 0));
        await client.ConnectAsync(IPAddress.Loopback, port);
        using var stream = client.GetStream();
        stream.ReadTimeout = 10_000;
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var transcript = new StringBuilder();
        await ReadReplyAsync(reader, transcript);
        foreach (var line in lines)
        {
            transcript.Append("C: ").Append(line).Append('\n');
            await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"));
            if (!await ReadReplyAsync(reader, transcript))
            {
                break;
            }
        }

        return transcript.ToString();
    }

    /// <summary>Sends <paramref name="message"/> byte for byte (dot-stuffed, nothing else changed) in one
    /// transaction; returns the first reply that was not a success (or the reply to the final dot) and
    /// the command it answered.</summary>
    public static async Task<(string Stage, string Reply)> SendRawMessageAsync(int port, string from, string to, byte[] message)
    {
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        using var stream = client.GetStream();
        var wait = TimeSpan.FromSeconds(60);
        var greeting = await SmtpReplyReader.ReadAsync(stream, wait);
        if (greeting.Count == 0 || !greeting[0].StartsWith("220", StringComparison.Ordinal))
        {
            return ("CONNECT", string.Join(" | ", greeting));
        }

        foreach (var (stage, command, expect) in new[] { ("EHLO", "EHLO raw.test", "250"), ("MAIL", $"MAIL FROM:<{from}> BODY=8BITMIME", "250"), ("RCPT", $"RCPT TO:<{to}>", "250"), ("DATA", "DATA", "354") })
        {
            await SmtpReplyReader.SendAsync(stream, command + "\r\n");
            var reply = await SmtpReplyReader.ReadAsync(stream, wait);
            var last = reply.Count == 0 ? "(connection closed)" : reply[^1];
            if (!last.StartsWith(expect, StringComparison.Ordinal))
            {
                return (stage, last);
            }
        }

        var stuffed = new MemoryStream();
        var atLineStart = true;
        foreach (var b in message)
        {
            if (atLineStart && b == (byte)'.')
            {
                stuffed.WriteByte((byte)'.');
            }

            stuffed.WriteByte(b);
            atLineStart = b == (byte)'\n';
        }

        if (!atLineStart || message.Length < 2 || message[^2] != (byte)'\r')
        {
            stuffed.Write("\r\n"u8);
        }

        stuffed.Write(".\r\n"u8);
        await stream.WriteAsync(stuffed.ToArray());
        var final = await SmtpReplyReader.ReadAsync(stream, wait);
        try
        {
            await SmtpReplyReader.SendAsync(stream, "QUIT\r\n");
        }
        catch (IOException)
        {
            // The relay may close after refusing the message; the reply above is what counts.
        }

        return ("DOT", final.Count == 0 ? "(connection closed)" : final[^1]);
    }

    private static async Task<bool> ReadReplyAsync(StreamReader reader, StringBuilder transcript)
    {
        while (true)
        {
            var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
            if (line is null)
            {
                return false;
            }

            transcript.Append("S: ").Append(line).Append('\n');
            if (line.Length < 4 || line[3] != '-')
            {
                return true;
            }
        }
    }
}
