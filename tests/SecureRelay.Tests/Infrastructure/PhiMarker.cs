using System.Text;
using MimeKit;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>
/// A recognisable piece of PHI (an SSN-shaped identifier plus a diagnosis) that tests put into
/// messages, and the places they look for it afterwards: mail that left the relay (every part
/// decoded, headers too) and every file of a directory (byte search, ASCII and UTF-16).
/// </summary>
public static class PhiMarker
{
    /// <summary>The identifier: a valid-range SSN used nowhere else in the repository.</summary>
    public const string Ssn = "587-21-4093";

    /// <summary>The same identifier without separators, as some forms write it.</summary>
    public const string SsnDigits = "587214093";

    /// <summary>The diagnosis that makes the identifier health information.</summary>
    public const string Diagnosis = "type 2 diabetes mellitus";

    /// <summary>One sentence holding both halves.</summary>
    public static string Sentence => $"Patient SSN {Ssn}, diagnosis: {Diagnosis} (E11.9), follow-up in 3 months.";

    /// <summary>Whether the marker can be read in <paramref name="message"/> (raw text, decoded headers, or
    /// any part's decoded content, embedded messages included).</summary>
    public static bool AppearsInMessage(string message)
    {
        // Raw, then raw read as UTF-16 at both byte alignments (an undeclared UTF-16 preamble, say).
        var raw = Encoding.Latin1.GetBytes(message);
        if (InText(message) || InText(Encoding.Unicode.GetString(raw)) || (raw.Length > 1 && InText(Encoding.Unicode.GetString(raw, 1, raw.Length - 1))))
        {
            return true;
        }

        MimeMessage parsed;
        try
        {
            parsed = MimeMessage.Load(new MemoryStream(raw));
        }
        catch (FormatException)
        {
            return false; // the raw search above is all there is to look at
        }

        return InEntityTree(parsed);
    }

    /// <summary>Files under <paramref name="directory"/> (recursively) whose bytes hold the marker.</summary>
    public static IReadOnlyList<string> FilesContaining(string directory)
    {
        var needles = new[] { Ssn, SsnDigits }.SelectMany(s => new[] { Encoding.ASCII.GetBytes(s), Encoding.Unicode.GetBytes(s) }).ToArray();
        var hits = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                continue; // removed while we listed (a WAL checkpoint, a finished temp file)
            }

            if (needles.Any(n => bytes.AsSpan().IndexOf(n) >= 0))
            {
                hits.Add(Path.GetRelativePath(directory, file));
            }
        }

        return hits;
    }

    /// <summary>Whether <paramref name="text"/> holds the marker literally.</summary>
    public static bool InText(string text) =>
        text.Contains(Ssn, StringComparison.Ordinal) || text.Contains(SsnDigits, StringComparison.Ordinal);

    private static bool InEntityTree(MimeMessage message)
    {
        if (message.Headers.Any(h => InText(h.Value)))
        {
            return true;
        }

        using var iter = new MimeIterator(message);
        while (iter.MoveNext())
        {
            switch (iter.Current)
            {
                case MessagePart { Message: { } inner } when InEntityTree(inner):
                    return true;
                case MimePart part when part.Headers.Any(h => InText(h.Value)) || InPart(part):
                    return true;
                case Multipart multipart when multipart.Headers.Any(h => InText(h.Value)):
                    return true;
            }
        }

        return false;
    }

    private static bool InPart(MimePart part)
    {
        if (part is TextPart text && InText(text.Text))
        {
            return true;
        }

        if (part.Content is null)
        {
            return false;
        }

        using var decoded = new MemoryStream();
        try
        {
            part.Content.DecodeTo(decoded);
        }
        catch (FormatException)
        {
            return false;
        }

        var bytes = decoded.ToArray();
        return InText(Encoding.Latin1.GetString(bytes)) || InText(Encoding.Unicode.GetString(bytes));
    }
}
