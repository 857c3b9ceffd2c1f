using System.Text;
using System.Text.RegularExpressions;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>
/// Judges what an SMTP server sent back against RFC 5321 §4.2: <c>Reply-line = *( Reply-code "-" [ textstring ] CRLF )
/// Reply-code [ SP textstring ] CRLF</c>, <c>textstring = 1*(%d09 / %d32-126)</c>, with codes from the set a
/// relay has any business sending and RFC 3463 enhanced codes whose class matches the reply's.
/// </summary>
public static partial class SmtpReplyCheck
{
    /// <summary>The codes a submission relay sends (RFC 5321 §4.2.3, RFC 4954, RFC 3207, RFC 1870).</summary>
    public static readonly IReadOnlySet<int> SensibleCodes = new HashSet<int>
    {
        211, 214, 220, 221, 235, 250, 251, 252, 334, 354,
        421, 450, 451, 452, 454, 455,
        500, 501, 502, 503, 504, 530, 534, 535, 538, 550, 551, 552, 553, 554, 555,
    };

    /// <summary>Splits <paramref name="received"/> into complete replies (code and lines) and lists every
    /// way it breaks the grammar; an empty problem list means every byte was a well-formed reply.</summary>
    public static (IReadOnlyList<(int Code, IReadOnlyList<string> Lines)> Replies, IReadOnlyList<string> Problems) Parse(ReadOnlySpan<byte> received)
    {
        var replies = new List<(int, IReadOnlyList<string>)>();
        var problems = new List<string>();
        var pending = new List<string>();
        var pendingCode = 0;
        var start = 0;
        while (start < received.Length)
        {
            var lf = received[start..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                problems.Add($"unterminated reply line: {Show(received[start..])}");
                break;
            }

            var raw = received.Slice(start, lf + 1);
            start += lf + 1;
            if (raw.Length < 2 || raw[^2] != (byte)'\r')
            {
                problems.Add($"reply line not ended by CRLF: {Show(raw)}");
                continue;
            }

            var line = Encoding.Latin1.GetString(raw[..^2]);
            var match = ReplyLine().Match(line);
            if (!match.Success)
            {
                problems.Add($"malformed reply line: {Show(raw)}");
                continue;
            }

            var code = int.Parse(match.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!SensibleCodes.Contains(code))
            {
                problems.Add($"unexpected reply code {code}: {line}");
            }

            if (pending.Count > 0 && code != pendingCode)
            {
                problems.Add($"multi-line reply changes code {pendingCode} → {code}: {line}");
            }

            var text = match.Groups["text"].Value;
            var enhanced = EnhancedCode().Match(text);
            if (enhanced.Success && code != 334 && enhanced.Groups["class"].Value[0] != line[0])
            {
                problems.Add($"enhanced code class differs from reply class: {line}");
            }

            pending.Add(line);
            pendingCode = code;
            if (match.Groups["sep"].Value != "-")
            {
                replies.Add((code, pending.ToList()));
                pending.Clear();
            }
        }

        if (pending.Count > 0)
        {
            problems.Add($"multi-line reply without its last line: {string.Join(" | ", pending)}");
        }

        return (replies, problems);
    }

    private static string Show(ReadOnlySpan<byte> bytes)
    {
        var shown = bytes.Length > 120 ? bytes[..120] : bytes;
        var sb = new StringBuilder();
        foreach (var b in shown)
        {
            sb.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<code>[2-5][0-5][0-9])(?:(?<sep>[ -])(?<text>[\t\x20-\x7E]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReplyLine();

    [GeneratedRegex(@"^(?<class>[245])\.[0-9]{1,3}\.[0-9]{1,3}(?: |$)", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedCode();
}
