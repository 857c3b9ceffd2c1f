using System.Text;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>
/// Reads one SMTP reply at a time from a stream without reading ahead, so the bytes after a
/// <c>220</c> to STARTTLS are left for the TLS handshake (a buffering reader would swallow them).
/// </summary>
public static class SmtpReplyReader
{
    /// <summary>Reads one complete (possibly multi-line) reply; returns its lines without CRLF, or an
    /// empty list when the server closed first. Each line is bounded to 4 KB.</summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(Stream stream, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var lines = new List<string>();
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            var n = await stream.ReadAsync(one, cts.Token).ConfigureAwait(false);
            if (n == 0)
            {
                return lines;
            }

            if (one[0] != (byte)'\n')
            {
                line.Add(one[0]);
                if (line.Count > 4096)
                {
                    throw new InvalidDataException("reply line longer than 4 KB");
                }

                continue;
            }

            var text = Encoding.Latin1.GetString([.. line]).TrimEnd('\r');
            line.Clear();
            lines.Add(text);
            if (text.Length < 4 || text[3] != '-')
            {
                return lines;
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> (ASCII) in one write and flushes.</summary>
    public static async Task SendAsync(Stream stream, string text)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text)).ConfigureAwait(false);
        await stream.FlushAsync().ConfigureAwait(false);
    }
}
