using System.Text;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>Text of an iCalendar (RFC 5545) or vCalendar object: lines unfolded (a line break followed by
/// a space or tab continues the line, RFC 5545 §3.1), then every property a calendar shows as
/// <c>NAME: value</c> with TEXT escapes undone (§3.3.11) and the CN of attendees and organisers kept.
/// Structure and identifiers (BEGIN, END, UID, DTSTAMP…) are left out.</summary>
internal static class IcsTextReader
{
    private static readonly HashSet<string> Structural = new(StringComparer.OrdinalIgnoreCase)
    {
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "UID", "DTSTAMP", "SEQUENCE", "TZID", "TZOFFSETFROM", "TZOFFSETTO", "RRULE",
    };

    public static string Read(string calendar)
    {
        var text = new StringBuilder(calendar.Length);
        foreach (var line in Unfold(calendar))
        {
            var colon = ValueStart(line);
            if (colon < 0)
            {
                text.Append(line).Append('\n');
                continue;
            }

            var head = line[..colon];
            var parameters = head.Split(';');
            var name = parameters[0].Trim();
            if (Structural.Contains(name))
            {
                continue;
            }

            text.Append(name).Append(": ");
            foreach (var parameter in parameters.Skip(1))
            {
                if (parameter.StartsWith("CN=", StringComparison.OrdinalIgnoreCase))
                {
                    text.Append(parameter.AsSpan(3).Trim('"')).Append(' ');
                }
            }

            Unescape(line.AsSpan(colon + 1), text);
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Logical lines: CRLF (or a bare LF) followed by one space or tab joins the next line.</summary>
    private static IEnumerable<string> Unfold(string calendar)
    {
        var current = new StringBuilder();
        foreach (var raw in calendar.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length > 0 && line[0] is ' ' or '\t')
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }

            current.Clear().Append(line);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>The first colon outside a quoted parameter value.</summary>
    private static int ValueStart(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ':' && !quoted)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Unescape(ReadOnlySpan<char> value, StringBuilder text)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? '\n' : next);
            }
            else
            {
                text.Append(c);
            }
        }
    }
}
