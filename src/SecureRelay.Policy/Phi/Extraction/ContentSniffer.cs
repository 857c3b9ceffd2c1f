using System.Text;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>Tells what a part is from its declared media type and file name, and from its magic bytes
/// (which win: a client opens a PDF named <c>.txt</c> as a PDF, and the sender chooses the label).</summary>
internal static class ContentSniffer
{
    private static readonly string[] TextualSubtypes =
    [
        "json", "xml", "fhir+json", "fhir+xml", "hl7-v2", "x-hl7", "hl7v2", "hl7-v2+er7", "edi-x12", "csv", "x-csv",
        "x-yaml", "yaml", "ld+json", "x-sh", "javascript", "sql",
    ];

    private static readonly string[] TextualExtensions =
        [".txt", ".csv", ".tsv", ".json", ".xml", ".hl7", ".er7", ".ccd", ".ccda", ".cda", ".log", ".md", ".yaml", ".yml", ".vcf", ".eml"];

    /// <summary>The kind named by a media type (<c>type/subtype</c>, lower case) and a file extension
    /// (lower case, with the dot); <see cref="DocumentKind.Unknown"/> when neither names one.</summary>
    public static DocumentKind FromDeclared(string type, string subtype, string extension)
    {
        switch (extension)
        {
            case ".pdf": return DocumentKind.Pdf;
            case ".docx" or ".docm" or ".dotx": return DocumentKind.Docx;
            case ".xlsx" or ".xlsm" or ".xltx": return DocumentKind.Xlsx;
            case ".zip": return DocumentKind.Zip;
            case ".ics" or ".vcs" or ".ical" or ".ifb": return DocumentKind.Calendar;
            case ".rtf": return DocumentKind.Rtf;
            case ".htm" or ".html" or ".xhtml": return DocumentKind.Html;
        }

        switch (subtype)
        {
            case "pdf" or "x-pdf": return DocumentKind.Pdf;
            case "vnd.openxmlformats-officedocument.wordprocessingml.document": return DocumentKind.Docx;
            case "vnd.openxmlformats-officedocument.spreadsheetml.sheet": return DocumentKind.Xlsx;
            case "zip" or "x-zip" or "x-zip-compressed": return DocumentKind.Zip;
            case "calendar" or "ics" or "x-vcalendar": return DocumentKind.Calendar;
            case "rtf" or "x-rtf": return DocumentKind.Rtf;
            case "html" or "xhtml+xml": return DocumentKind.Html;
        }

        if (type is "image")
        {
            return DocumentKind.Image;
        }

        if (type is "audio" or "video")
        {
            return DocumentKind.Media;
        }

        return type == "text" || TextualSubtypes.Contains(subtype) || TextualExtensions.Contains(extension)
            ? DocumentKind.Text
            : DocumentKind.Unknown;
    }

    /// <summary>The kind the first bytes prove, or <see cref="DocumentKind.Unknown"/>. A ZIP is
    /// <see cref="DocumentKind.Zip"/> here; <see cref="ZipTextReader.Refine"/> tells DOCX and XLSX apart.</summary>
    public static DocumentKind FromMagic(ReadOnlySpan<byte> content)
    {
        // A PDF header may follow up to 1 KB of junk (readers accept it there).
        if (content[..Math.Min(content.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return DocumentKind.Pdf;
        }

        if (content.StartsWith("PK\x03\x04"u8) || content.StartsWith("PK\x05\x06"u8))
        {
            return DocumentKind.Zip;
        }

        if (content.StartsWith("{\\rtf"u8))
        {
            return DocumentKind.Rtf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || content.StartsWith("GIF8"u8)
            || content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8) || content.StartsWith("BM"u8)
            || (content.Length > 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)))
        {
            return DocumentKind.Image;
        }

        var start = content[..Math.Min(content.Length, 64)].TrimStart((ReadOnlySpan<byte>)[0x20, 0x09, 0x0D, 0x0A, 0xEF, 0xBB, 0xBF]);
        return start.StartsWith("BEGIN:VCALENDAR"u8) ? DocumentKind.Calendar : DocumentKind.Unknown;
    }

    /// <summary>True when the bytes read as text a person would read: no NUL, and at least 95 % of the
    /// characters (as UTF-8 when valid, else ISO-8859-1) printable or white space. Looks at the first 64 KB.</summary>
    public static bool IsReadableText(ReadOnlySpan<byte> content)
    {
        var sample = content[..Math.Min(content.Length, 64 * 1024)];
        if (sample.IsEmpty)
        {
            return true;
        }

        if (sample.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var text = Utf8OrLatin1(sample);
        var printable = 0;
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\t' or '\n' or '\r' or '\f')
            {
                printable++;
            }
        }

        return printable >= text.Length * 0.95;
    }

    /// <summary>Text of bytes with no usable charset, as MimeKit does it: UTF-8 when valid, else ISO-8859-1
    /// (a lenient client shows one of these; every byte maps to a character either way).</summary>
    public static string Utf8OrLatin1(ReadOnlySpan<byte> content)
    {
        // An incomplete sequence at the very end (a cut sample) does not make the rest Latin-1.
        var trimmed = content;
        var cut = Math.Max(0, content.Length - 3);
        for (var i = content.Length - 1; i >= cut; i--)
        {
            if ((content[i] & 0xC0) == 0xC0)
            {
                trimmed = content[..i];
                break;
            }

            if ((content[i] & 0x80) == 0)
            {
                break;
            }
        }

        if (System.Text.Unicode.Utf8.IsValid(content))
        {
            return Encoding.UTF8.GetString(content);
        }

        return trimmed.Length < content.Length && System.Text.Unicode.Utf8.IsValid(trimmed) ? Encoding.UTF8.GetString(trimmed) : Encoding.Latin1.GetString(content);
    }

    /// <summary>True when the encoding maps ASCII letters, digits and line breaks to themselves: the raw
    /// bytes read as ISO-8859-1 would add nothing a person could read beyond the decoded text.</summary>
    public static bool IsAsciiCompatible(Encoding encoding)
    {
        ReadOnlySpan<byte> probe = "AZaz09 .:-\r\n"u8;
        try
        {
            return encoding.GetString(probe) == "AZaz09 .:-\r\n";
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
