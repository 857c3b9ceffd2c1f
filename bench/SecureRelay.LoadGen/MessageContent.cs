using System.Text;

namespace SecureRelay.LoadGen;

/// <summary>Builds the DATA content of a test message: headers, a payload of the requested size
/// in 76-character lines, and the terminating <c>CRLF.CRLF</c>. No line starts with a dot.</summary>
internal static class MessageContent
{
    public static byte[] Build(int payloadBytes, string sender, string firstRecipient)
    {
        var sb = new StringBuilder(payloadBytes + 512);
        sb.Append("From: <").Append(sender).Append(">\r\n");
        sb.Append("To: <").Append(firstRecipient).Append(">\r\n");
        sb.Append("Subject: bench\r\n");
        sb.Append("Date: ").Append(DateTimeOffset.UtcNow.ToString("r")).Append("\r\n");
        sb.Append("Message-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@loadgen.bench.invalid>\r\n");
        sb.Append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n");
        const string line = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmn";
        var written = 0;
        while (written < payloadBytes)
        {
            var n = Math.Min(line.Length, Math.Max(1, payloadBytes - written - 2));
            sb.Append(line, 0, n).Append("\r\n");
            written += n + 2;
        }

        sb.Append(".\r\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
