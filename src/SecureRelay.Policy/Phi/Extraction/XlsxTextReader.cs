using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>Text of an XLSX: each sheet's name, then one line per row, <c>cell | cell | cell</c>, shared
/// and inline strings resolved and date-formatted numbers shown as dates (a date of birth is stored as a
/// serial number). The archive is checked by <see cref="ZipTextReader.CheckBounds"/> first.</summary>
internal static class XlsxTextReader
{
    public static string Read(byte[] xlsx, DocumentContext context)
    {
        ZipTextReader.CheckBounds(xlsx, context);
        var text = new StringBuilder();
        using var stream = new MemoryStream(xlsx, writable: false);
        using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = context.Limits.MaxTextChars });
        var workbook = document.WorkbookPart ?? throw new UnreadableContentException("unreadable_xlsx");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var dateStyles = DateStyles(workbook);
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            text.Append(sheet.Name?.Value).Append('\n');
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            foreach (var row in part.Worksheet?.Descendants<Row>() ?? [])
            {
                context.Budget.Check();
                var first = true;
                foreach (var cell in row.Elements<Cell>())
                {
                    if (!first)
                    {
                        text.Append(" | ");
                    }

                    first = false;
                    text.Append(CellText(cell, shared, dateStyles));
                }

                text.Append('\n');
                context.CheckLength(text);
            }
        }

        return text.ToString();
    }

    private static string CellText(Cell cell, string[] shared, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < shared.Length ? shared[index] : value;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? value;
        }

        if ((type is null || type == CellValues.Number) && cell.StyleIndex?.Value is { } style && dateStyles.Contains(style)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateTime.FromOADate(serial).ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);
        }

        return value;
    }

    /// <summary>Indexes of the cell formats that show a number as a date: the built-in date formats
    /// (14–22, 45–47) and custom formats with day, month or year fields outside quotes.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null)
        {
            return result;
        }

        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value ?? ""))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || custom.Contains(id))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateFormat(string code)
    {
        var quoted = false;
        foreach (var c in code)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is 'd' or 'D' or 'y' or 'Y' or 'm' or 'M')
            {
                return true;
            }
        }

        return false;
    }
}
