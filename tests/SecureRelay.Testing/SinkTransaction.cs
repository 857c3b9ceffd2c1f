namespace SecureRelay.Testing;

/// <summary>One transaction of smtp-sink's <c>-D</c> dump: the MAIL and RCPT arguments it logged and
/// the message content (lines end in LF there whatever was on the wire; SecureRelay.Tests' <c>LoopbackTap</c> sees the wire).</summary>
public sealed record SinkTransaction(string MailArgs, IReadOnlyList<string> RcptArgs, string Content)
{
    /// <summary>Parses one transaction (the text after its <c>X-Client-Addr:</c>).</summary>
    public static SinkTransaction Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var mail = "";
        var rcpts = new List<string>();
        var i = 1; // the rest of the X-Client-Addr line
        for (; i < lines.Length && lines[i].StartsWith("X-", StringComparison.Ordinal); i++)
        {
            if (lines[i].StartsWith("X-Mail-Args: ", StringComparison.Ordinal))
            {
                mail = lines[i]["X-Mail-Args: ".Length..];
            }
            else if (lines[i].StartsWith("X-Rcpt-Args: ", StringComparison.Ordinal))
            {
                rcpts.Add(lines[i]["X-Rcpt-Args: ".Length..]);
            }
        }

        return new SinkTransaction(mail, rcpts, string.Join('\n', lines[i..]));
    }
}
