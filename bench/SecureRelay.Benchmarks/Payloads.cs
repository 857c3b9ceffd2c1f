using System.Text;

namespace SecureRelay.Benchmarks;

/// <summary>Message bodies shared by the benchmarks: the smtp-source filler the end-to-end benchmark
/// sends, and ordinary business prose (dates, figures, codes that are not PHI).</summary>
public static class Payloads
{
    /// <summary>Lines like smtp-source's ("1XXXX…", 80 characters with CRLF) up to <paramref name="size"/>.</summary>
    public static string Filler(int size)
    {
        var sb = new StringBuilder(size + 100);
        for (var i = 1; sb.Length < size; i++)
        {
            var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sb.Append(n).Append('X', 78 - n.Length).Append("\r\n");
        }

        return sb.ToString();
    }

    /// <summary>Business prose of about <paramref name="size"/> characters.</summary>
    public static string Prose(int size)
    {
        const string Line = "Hi team, the quarterly report for Q3 2026 is attached. Please review section 4.2 before Friday's meeting at 10:30 in Room B12. Revenue grew 12.5% vs. last year; see Table A1 and Figure 3. Thanks, Alice\r\n";
        var sb = new StringBuilder(size + Line.Length);
        while (sb.Length < size)
        {
            sb.Append(Line);
        }

        return sb.ToString();
    }

    /// <summary>Health-plan newsletter prose of about <paramref name="size"/> characters: medical words,
    /// labels, figures and dates that are not one person's PHI, so every detector scans the whole text
    /// (the worst case for the classifier; a note with PHI fires early).</summary>
    public static string Clinical(int size)
    {
        const string Line = "Dear member, clinic hours change on 12/01 for the holiday. Keep your blood pressure under control: aim for less than 130/80 and an average glucose near 100 mg/dL. The typical patient waits 12 minutes; call 555-0142 (option 3) for appointments. Flu shots are free for members aged 65+ at all 14 sites; see the plan document, section 7.3, for the diagnosis and procedure codes we cover.\r\n";
        var sb = new StringBuilder(size + Line.Length);
        while (sb.Length < size)
        {
            sb.Append(Line);
        }

        return sb.ToString();
    }

    /// <summary>A whole RFC 5322 message (headers + filler body) as bytes.</summary>
    public static byte[] Message(int size) =>
        Encoding.ASCII.GetBytes("From: <bench@example.com>\r\nTo: <rcpt@example.net>\r\nSubject: benchmark\r\nDate: Mon, 23 Nov 2026 14:32:17 +0000\r\nMessage-Id: <bench.1@example.com>\r\n\r\n" + Filler(size));
}
