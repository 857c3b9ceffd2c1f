using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Security;

/// <summary>Where a fuzzed message carries the PHI marker.</summary>
internal enum MarkerPlace
{
    BodyText,
    Html,
    Subject,
    EncodedWordSubject,
    CsvAttachment,
    OctetStreamAttachment,
    EmbeddedMessage,
    DeepestPart,
    Preamble,
    Epilogue,
    CustomHeader,
    AttachmentFileName,
}

/// <summary>How the MIME structure around the marker is broken.</summary>
internal enum BoundaryDamage
{
    None,
    NoCloseDelimiter,
    DeclaredBoundaryNeverUsed,
    NoBoundaryParameter,
    BoundaryInsideContent,
    OverlongBoundary,
}

/// <summary>A fuzzed message: what was generated (for the report) and the bytes of the message.</summary>
internal sealed record MimeCase(string Description, byte[] Message);

/// <summary>
/// FsCheck generators of damaged MIME messages that all hold <see cref="PhiMarker.Sentence"/> somewhere a
/// reader can get it back: broken boundaries, wrong or unknown transfer encodings and charsets, deep
/// nesting, headers near the 100 KB limit, NULs and bare line ends.
/// </summary>
internal static class MimeCaseGen
{
    private static readonly string[] Encodings = ["7bit", "8bit", "quoted-printable", "base64", "base64-broken", "quoted-printable-broken", "x-unknown", "x-uuencode"];
    private static readonly string[] Charsets = ["us-ascii", "utf-8", "iso-8859-1", "utf-16", "x-unknown-charset", ""];

    /// <summary>A message around the marker; its Message-ID is the placeholder <c>{ID}</c>.</summary>
    public static Gen<MimeCase> Case { get; } =
        from place in Gen.Elements(Enum.GetValues<MarkerPlace>())
        from encoding in Gen.Elements(Encodings)
        from charset in Gen.Elements(Charsets)
        from damage in Gen.Frequency((3, Gen.Constant(BoundaryDamage.None)), (4, Gen.Elements(Enum.GetValues<BoundaryDamage>())))
        from depth in Gen.Frequency((3, Gen.Choose(1, 3)), (1, Gen.Choose(4, 60)))
        from siblings in Gen.Choose(0, 4)
        from padding in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(1, 1200)))
        from foldedHeader in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1000, 60_000)))
        from noise in Gen.Elements("none", "none", "nul", "bare-lf", "8bit")
        select Build(place, encoding, charset, damage, depth, siblings, padding, foldedHeader, noise);

    private static MimeCase Build(MarkerPlace place, string encoding, string charset, BoundaryDamage damage, int depth, int siblings, int padding, int foldedHeader, string noise)
    {
        var description = $"place={place} cte={encoding} charset={(charset.Length == 0 ? "none" : charset)} damage={damage} depth={depth} siblings={siblings} pad={padding} fold={foldedHeader} noise={noise}";
        var sb = new StringBuilder();
        sb.Append("From: Clinic App <app@clinic.test>\r\n");
        sb.Append("To: <patient@dest.test>\r\n");
        sb.Append("Date: Mon, 07 Dec 2026 10:00:00 +0000\r\n");
        sb.Append("Message-ID: <{ID}>\r\n");
        sb.Append("MIME-Version: 1.0\r\n");
        sb.Append(place switch
        {
            MarkerPlace.Subject => $"Subject: {PhiMarker.Sentence}\r\n",
            MarkerPlace.EncodedWordSubject => $"Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(PhiMarker.Sentence))}?=\r\n",
            _ => "Subject: appointment reminder\r\n",
        });
        if (place == MarkerPlace.CustomHeader)
        {
            sb.Append("X-Clinic-Note: ").Append(PhiMarker.Sentence).Append("\r\n");
        }

        for (var i = 0; i < padding; i++)
        {
            sb.Append("X-Pad-").Append(i).Append(": ").Append('p', 56).Append("\r\n");
        }

        if (foldedHeader > 0)
        {
            sb.Append("X-Folded:");
            for (var written = 0; written < foldedHeader; written += 72)
            {
                sb.Append("\r\n\t").Append('f', 70);
            }

            sb.Append("\r\n");
        }

        var markerBody = place is MarkerPlace.BodyText or MarkerPlace.Html or MarkerPlace.CsvAttachment or MarkerPlace.OctetStreamAttachment
            or MarkerPlace.DeepestPart or MarkerPlace.AttachmentFileName or MarkerPlace.EmbeddedMessage;
        var leaf = Leaf(place, encoding, charset, markerBody);
        if (place == MarkerPlace.EmbeddedMessage)
        {
            leaf = "Content-Type: message/rfc822\r\n\r\n" + "From: lab@lab.test\r\nSubject: result\r\nMIME-Version: 1.0\r\n" + leaf;
        }

        var entity = leaf;
        var levels = place is MarkerPlace.DeepestPart or MarkerPlace.Preamble or MarkerPlace.Epilogue || damage != BoundaryDamage.None ? Math.Max(depth, 1) : depth - 1;
        for (var level = 0; level < levels; level++)
        {
            entity = Wrap(entity, level, siblings, level == levels - 1 ? damage : BoundaryDamage.None, place);
        }

        sb.Append(entity);
        var text = sb.ToString();
        text = noise switch
        {
            "nul" => text.Replace("\r\n\r\n", "\r\n\r\n\0\0", StringComparison.Ordinal),
            "bare-lf" => text.Replace("appointment", "appoint\nment", StringComparison.Ordinal) + "\nbare line\n",
            "8bit" => text.Replace("appointment", "appöintment \u00ff\u0080", StringComparison.Ordinal),
            _ => text,
        };
        return new MimeCase(description, Encoding.Latin1.GetBytes(text));
    }

    /// <summary>One entity (headers and body) holding the marker, or a harmless one.</summary>
    private static string Leaf(MarkerPlace place, string encoding, string charset, bool withMarker)
    {
        var text = withMarker ? $"Dear patient,\r\n{PhiMarker.Sentence}\r\nRegards, the clinic\r\n" : "Dear patient,\r\nsee you soon.\r\n";
        var (type, disposition) = place switch
        {
            MarkerPlace.Html => ("text/html", ""),
            MarkerPlace.CsvAttachment => ("text/csv", "Content-Disposition: attachment; filename=\"visit.csv\"\r\n"),
            MarkerPlace.OctetStreamAttachment => ("application/octet-stream", "Content-Disposition: attachment; filename=\"visit.dat\"\r\n"),
            MarkerPlace.AttachmentFileName => ("text/plain", $"Content-Disposition: attachment; filename=\"{PhiMarker.Ssn} {PhiMarker.Diagnosis}.txt\"\r\n"),
            _ => ("text/plain", ""),
        };
        if (place == MarkerPlace.Html)
        {
            text = $"<html><body><p>{text.Replace("\r\n", "<br>\r\n", StringComparison.Ordinal)}</p></body></html>\r\n";
        }

        var bytes = charset == "utf-16" ? Encoding.Unicode.GetBytes(text) : Encoding.UTF8.GetBytes(text);
        var cte = encoding.Replace("-broken", "", StringComparison.Ordinal);
        var body = encoding switch
        {
            "base64" => Wrap76(Convert.ToBase64String(bytes)),
            "base64-broken" => Wrap76(Convert.ToBase64String(bytes)).Insert(10, "!*").Insert(30, "\r\n\r\n") + "=AB",
            "quoted-printable" => QuotedPrintable(bytes),
            "quoted-printable-broken" => QuotedPrintable(bytes).Replace("=", "=Z", StringComparison.Ordinal) + "=\r\n=4",
            "x-uuencode" => "begin 644 visit.txt\r\n" + Encoding.Latin1.GetString(bytes) + "end\r\n",
            _ => Encoding.Latin1.GetString(bytes),
        };
        var charsetParameter = charset.Length == 0 ? "" : $"; charset=\"{charset}\"";
        return $"Content-Type: {type}{charsetParameter}\r\nContent-Transfer-Encoding: {cte}\r\n{disposition}\r\n{body}";
    }

    /// <summary>Puts <paramref name="inner"/> into a multipart/mixed with harmless siblings, damaged as asked.</summary>
    private static string Wrap(string inner, int level, int siblings, BoundaryDamage damage, MarkerPlace place)
    {
        var boundary = damage == BoundaryDamage.OverlongBoundary ? $"b{level}-" + new string('=', 180) : $"=_b{level}_x";
        var used = damage == BoundaryDamage.DeclaredBoundaryNeverUsed ? boundary + "-other" : boundary;
        var parameter = damage == BoundaryDamage.NoBoundaryParameter ? "" : $"; boundary=\"{boundary}\"";
        var sb = new StringBuilder();
        sb.Append("Content-Type: multipart/mixed").Append(parameter).Append("\r\n\r\n");
        sb.Append(place == MarkerPlace.Preamble && level == 0 ? PhiMarker.Sentence + "\r\n" : "This is a multi-part message.\r\n");
        for (var i = 0; i < siblings / 2; i++)
        {
            sb.Append("--").Append(used).Append("\r\nContent-Type: text/plain\r\n\r\nsibling ").Append(i).Append("\r\n");
        }

        sb.Append("--").Append(used).Append("\r\n").Append(inner);
        if (damage == BoundaryDamage.BoundaryInsideContent)
        {
            sb.Append("\r\n--").Append(used).Append("--garbage\r\n--").Append(used).Append(" \r\nnot a header\r\n");
        }

        for (var i = siblings / 2; i < siblings; i++)
        {
            sb.Append("\r\n--").Append(used).Append("\r\nContent-Type: text/plain\r\n\r\nsibling ").Append(i);
        }

        if (damage != BoundaryDamage.NoCloseDelimiter)
        {
            sb.Append("\r\n--").Append(used).Append("--\r\n");
        }

        if (place == MarkerPlace.Epilogue && level == 0)
        {
            sb.Append(PhiMarker.Sentence).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string Wrap76(string base64)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < base64.Length; i += 76)
        {
            sb.Append(base64, i, Math.Min(76, base64.Length - i)).Append("\r\n");
        }

        return sb.ToString();
    }

    private static string QuotedPrintable(byte[] bytes)
    {
        var sb = new StringBuilder();
        var column = 0;
        foreach (var b in bytes)
        {
            var piece = b is (byte)'\r' or (byte)'\n' ? ((char)b).ToString()
                : b is >= 33 and <= 126 and not (byte)'=' || b == (byte)' ' ? ((char)b).ToString()
                : $"={b:X2}";
            if (b == (byte)'\n')
            {
                column = 0;
            }
            else if (column + piece.Length > 73)
            {
                sb.Append("=\r\n");
                column = 0;
            }

            sb.Append(piece);
            column += b == (byte)'\n' ? 0 : piece.Length;
        }

        return sb.ToString();
    }
}
