using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>Text of a DOCX: body, headers, footers, footnotes, endnotes and comments, one line per
/// paragraph. The archive is checked by <see cref="ZipTextReader.CheckBounds"/> first.</summary>
internal static class DocxTextReader
{
    public static string Read(byte[] docx, DocumentContext context)
    {
        ZipTextReader.CheckBounds(docx, context);
        var text = new StringBuilder();
        using var stream = new MemoryStream(docx, writable: false);
        using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = context.Limits.MaxTextChars });
        var main = document.MainDocumentPart ?? throw new UnreadableContentException("unreadable_docx");
        IEnumerable<OpenXmlElement?> roots =
        [
            main.Document?.Body,
            .. main.HeaderParts.Select(h => h.Header),
            .. main.FooterParts.Select(f => f.Footer),
            main.FootnotesPart?.Footnotes,
            main.EndnotesPart?.Endnotes,
            main.WordprocessingCommentsPart?.Comments,
        ];
        foreach (var root in roots)
        {
            if (root is null)
            {
                continue;
            }

            foreach (var paragraph in root.Descendants<Paragraph>())
            {
                context.Budget.Check();
                text.Append(paragraph.InnerText).Append('\n');
                context.CheckLength(text);
            }
        }

        return text.ToString();
    }
}
