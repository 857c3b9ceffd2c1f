using System.IO.Compression;
using System.Text;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>Text of a ZIP archive: each entry's name, then its content read as the kind it is (text, CSV,
/// PDF, DOCX, XLSX, a nested archive). Bounded by entries (<c>zip_limit</c>), nesting depth
/// (<c>zip_limit</c>) and bytes actually inflated (<c>decompression_limit</c>, through
/// <see cref="CappedReadStream"/>, never the sizes the archive declares). An entry of no known kind is
/// <c>archive_unknown</c>, an encrypted one <c>archive_encrypted</c>.</summary>
internal static class ZipTextReader
{
    /// <summary>DOCX or XLSX when the archive holds the main part of one, else <paramref name="declared"/>
    /// when that names an Office document (a corrupt one is then reported as such), else ZIP.</summary>
    public static DocumentKind Refine(byte[] zip, DocumentKind declared)
    {
        var fallback = declared is DocumentKind.Docx or DocumentKind.Xlsx ? declared : DocumentKind.Zip;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase))
                {
                    return DocumentKind.Docx;
                }

                if (entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase))
                {
                    return DocumentKind.Xlsx;
                }
            }

            return fallback;
        }
        catch (InvalidDataException)
        {
            return fallback;
        }
    }

    /// <summary>Inflates every entry into nothing through the caps, before a library (the Open XML SDK)
    /// that trusts the archive reads it: that read then produces no more than was counted here.</summary>
    /// <exception cref="UnreadableContentException">zip_limit, decompression_limit, archive_encrypted.</exception>
    public static void CheckBounds(byte[] zip, DocumentContext context)
    {
        using var archive = Open(zip, context);
        foreach (var entry in archive.Entries)
        {
            if (entry.IsEncrypted)
            {
                throw new UnreadableContentException("archive_encrypted");
            }

            using var capped = new CappedReadStream(entry.Open(), Math.Min(entry.CompressedLength, zip.Length), context.Inflation, context.Budget);
            capped.Drain();
        }
    }

    /// <exception cref="UnreadableContentException">zip_limit, decompression_limit.</exception>
    public static string Read(byte[] zip, DocumentContext context, int depth)
    {
        if (depth > context.Limits.MaxArchiveDepth)
        {
            throw new UnreadableContentException("zip_limit");
        }

        var text = new StringBuilder();
        using var archive = Open(zip, context);
        foreach (var entry in archive.Entries)
        {
            context.Budget.Check();
            text.Append(entry.FullName).Append('\n');
            if (entry.FullName.EndsWith('/'))
            {
                continue;
            }

            if (entry.IsEncrypted)
            {
                context.Unreadable("archive_encrypted");
                continue;
            }

            byte[] content;
            using (var capped = new CappedReadStream(entry.Open(), Math.Min(entry.CompressedLength, zip.Length), context.Inflation, context.Budget))
            using (var copy = new MemoryStream())
            {
                capped.CopyTo(copy);
                content = copy.ToArray();
            }

            var declared = ContentSniffer.FromDeclared("", "", Path.GetExtension(entry.Name).ToLowerInvariant());
            text.Append(context.Read(declared, content, charset: null, depth, "archive_unknown")).Append("\n\n");
            context.CheckLength(text);
        }

        return text.ToString();
    }

    private static ZipArchive Open(byte[] zip, DocumentContext context)
    {
        var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > context.Limits.MaxArchiveEntries)
        {
            archive.Dispose();
            throw new UnreadableContentException("zip_limit");
        }

        return archive;
    }
}
