using System.Net.Sockets;
using System.Text;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>A plain-text SMTP conversation, one command at a time, for what no real client will
/// send (AUTH that was not advertised, malformed commands).</summary>
public static class RawSmtp
{
    /// <summary>Reads the greeting, then sends each line and reads its (possibly multi-line) reply;
    /// returns the whole transcript.</summary>
    public static async Task<string> ConverseAsync(int port, params string[] lines)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
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
