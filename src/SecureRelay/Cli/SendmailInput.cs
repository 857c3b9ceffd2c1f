namespace SecureRelay.Cli;

/// <summary>
/// Reads the message <c>sendmail</c> is given on standard input, bounded by the relay's
/// <c>limits.max_message_size</c>: the relay would refuse anything larger, so nothing past that is
/// kept. Unless <c>-i</c> was given, a line holding a single dot ends the input, as in sendmail.
/// </summary>
public static class SendmailInput
{
    /// <summary>Reads up to <paramref name="maxBytes"/> bytes of message from <paramref name="input"/>.</summary>
    /// <exception cref="SendmailException">With <see cref="SysExits.DataError"/> when the message is larger.</exception>
    public static async Task<byte[]> ReadAsync(Stream input, long maxBytes, bool dotEndsInput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var content = new MemoryStream();
        var buffer = new byte[64 * 1024];
        var atLineStart = true;
        var dot = DotState.None;
        long dotLineStart = 0;
        while (true)
        {
            var read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            if (dotEndsInput)
            {
                for (var i = 0; i < read; i++)
                {
                    var b = buffer[i];
                    if (dot != DotState.None && (b == (byte)'\n'))
                    {
                        // ".\n" or ".\r\n": the message ends before the dot; the rest of the input is not read.
                        content.Write(buffer, 0, i);
                        content.SetLength(dotLineStart);
                        return Checked(content, maxBytes);
                    }

                    dot = dot == DotState.Dot && b == (byte)'\r' ? DotState.DotCr : DotState.None;
                    if (atLineStart && b == (byte)'.')
                    {
                        dot = DotState.Dot;
                        dotLineStart = content.Length + i;
                    }

                    atLineStart = b == (byte)'\n';
                }
            }

            content.Write(buffer, 0, read);
            if (content.Length > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }

        if (dot != DotState.None)
        {
            content.SetLength(dotLineStart); // a lone dot at the very end counts too
        }

        return Checked(content, maxBytes);
    }

    private static byte[] Checked(MemoryStream content, long maxBytes) =>
        content.Length > maxBytes ? throw TooLarge(maxBytes) : content.ToArray();

    private static SendmailException TooLarge(long maxBytes) =>
        new(SysExits.DataError, $"message is larger than limits.max_message_size ({maxBytes} bytes)");

    private enum DotState
    {
        None,
        Dot,
        DotCr,
    }
}
