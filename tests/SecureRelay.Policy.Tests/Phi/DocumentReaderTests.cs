using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SecureRelay.Policy.Phi;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using static SecureRelay.Policy.Tests.PolicyTestData;
using static SecureRelay.Policy.Tests.Phi.ExtractionTests;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>XLSX, iCalendar, RTF, ZIP, sniffed octet-streams, scanned and encrypted PDFs.</summary>
public class DocumentReaderTests
{
    internal const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook of one sheet: a header row of shared strings, then rows with an inline string
    /// and a date (serial number with a date format), as Excel stores a date of birth.</summary>
    internal static byte[] Xlsx(params (string Name, DateTime Dob)[] rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("Patient")), new SharedStringItem(new Text("DOB")));
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData(new Row(
                new Cell { DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                new Cell { DataType = CellValues.SharedString, CellValue = new CellValue("1") }));
            foreach (var (name, dob) in rows)
            {
                data.Append(new Row(
                    new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(name)) },
                    new Cell { StyleIndex = 1, CellValue = new CellValue(dob.ToOADate()) }));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Name = "Clinic list", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        }

        return stream.ToArray();
    }

    internal static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = archive.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    [Test]
    public void Xlsx_RowsAsCells_SharedStringsAndDatesResolved()
    {
        var e = ExtractAttachment("list.xlsx", XlsxType, Xlsx(("Jane Roe", new DateTime(1961, 4, 12))));
        Assert.That(e.Text, Does.Contain("Clinic list").And.Contain("Patient | DOB").And.Contain("Jane Roe | 04/12/1961"));
        Assert.That(e.Unreadable, Is.Empty);
        var sniffed = ExtractAttachment("export.bin", "application/octet-stream", Xlsx(("Jane Roe", new DateTime(1961, 4, 12))));
        Assert.That(sniffed.Text, Does.Contain("Jane Roe | 04/12/1961"));
    }

    [Test]
    public async Task Xlsx_PatientList_IsPhi()
    {
        var c = await Classify(WithAttachment("List attached.", "list.xlsx", XlsxType, Xlsx(("Jane Roe", new DateTime(1961, 4, 12)), ("John Doe", new DateTime(1975, 1, 30)))));
        Assert.That(c.IsPhi, Is.True, c.ToString());
    }

    [Test]
    public void Calendar_UnfoldedAndUnescaped()
    {
        const string Ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:123@x\r\nSUMMARY:Chemo follow-up\\, Jane R\r\n oe\r\n"
            + "DESCRIPTION:MRN 00482913\\nDOB 04/12/1961\\; bring meds\r\nLOCATION:Oncology\\, Room 4\r\n"
            + "ATTENDEE;CN=\"Roe, Jane\";ROLE=REQ-PARTICIPANT:mailto:jane@patient.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var e = ExtractAttachment("invite.ics", "text/calendar", Encoding.UTF8.GetBytes(Ics));
        Assert.That(e.Text, Does.Contain("SUMMARY: Chemo follow-up, Jane Roe").And.Contain("MRN 00482913\nDOB 04/12/1961; bring meds")
            .And.Contain("LOCATION: Oncology, Room 4").And.Contain("Roe, Jane"));
        Assert.That(e.Text, Does.Not.Contain("UID"));
    }

    [Test]
    public void Rtf_ControlWordsStripped_TextKept()
    {
        const string Rtf = @"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}"
            + @"{\*\generator Riched20;}\f0\fs24 Patient: Jane Ro\'e9\par DOB: 04/12/1961\par {\b MRN}: 00482913 \u8212?done"
            + @"\trowd\cellx1000\cellx2000 A1\cell B1\cell\row}";
        var e = ExtractAttachment("letter.rtf", "application/rtf", Encoding.ASCII.GetBytes(Rtf));
        Assert.That(e.Text, Does.Contain("Patient: Jane Roé\nDOB: 04/12/1961\nMRN: 00482913 \u2014done").And.Contain("A1 | B1"));
        Assert.That(e.Text, Does.Not.Contain("Times New Roman").And.Not.Contain("Riched20").And.Not.Contain("fs24"));
    }

    [Test]
    public void Zip_TextAndDocumentEntriesRead_UnknownReported()
    {
        var zip = Zip(
            ("notes/readme.txt", Encoding.UTF8.GetBytes("MRN 00482913")),
            ("list.csv", Encoding.UTF8.GetBytes("name,dob\nJane Roe,1961-04-12")),
            ("letter.docx", Docx("DOB: 04/12/1961")),
            ("report.pdf", Pdf("Diagnosis E11.9")),
            ("sheet.xlsx", Xlsx(("Jane Roe", new DateTime(1961, 4, 12)))));
        var e = ExtractAttachment("records.zip", "application/zip", zip);
        Assert.That(e.Text, Does.Contain("MRN 00482913").And.Contain("Jane Roe,1961-04-12").And.Contain("DOB: 04/12/1961")
            .And.Contain("Diagnosis E11.9").And.Contain("Jane Roe | 04/12/1961").And.Contain("notes/readme.txt"));
        Assert.That(e.Unreadable, Is.Empty);

        var withBinary = ExtractAttachment("records.zip", "application/zip", Zip(("a.txt", Encoding.UTF8.GetBytes("hello")), ("blob.dat", [0, 1, 2, 3, 0xFE, 0xFF, 0, 7])));
        Assert.That(withBinary.Unreadable, Is.EqualTo(new[] { "archive_unknown" }));
    }

    [Test]
    public void Zip_NestedTwoDeepIsRead_ThreeDeepIsZipLimit()
    {
        var inner = Zip(("deep.txt", Encoding.UTF8.GetBytes("MRN 00482913")));
        var two = ExtractAttachment("a.zip", "application/zip", Zip(("inner.zip", inner)));
        Assert.That((two.Text.Contains("MRN 00482913", StringComparison.Ordinal), two.Unreadable.Count), Is.EqualTo((true, 0)));
        var three = ExtractAttachment("a.zip", "application/zip", Zip(("middle.zip", Zip(("inner.zip", inner)))));
        Assert.That(three.Unreadable, Is.EqualTo(new[] { "zip_limit" }));
    }

    [Test]
    public void Zip_TooManyEntries_IsZipLimit()
    {
        var entries = Enumerable.Range(0, ClassifierLimits.Default.MaxArchiveEntries + 1).Select(i => ($"f{i}.txt", new[] { (byte)'x' })).ToArray();
        Assert.That(ExtractAttachment("many.zip", "application/zip", Zip(entries)).Unreadable, Is.EqualTo(new[] { "zip_limit" }));
    }

    [Test]
    public void OctetStream_SniffedByMagicOrText()
    {
        Assert.That(ExtractAttachment("scan", "application/octet-stream", Pdf("MRN 00482913")).Text, Does.Contain("MRN 00482913"));
        Assert.That(ExtractAttachment("data", "application/octet-stream", Encoding.Latin1.GetBytes("Name: Jos\u00e9 Roe\nDOB 04/12/1961")).Text, Does.Contain("Jos\u00e9 Roe"));
        var binary = ExtractAttachment("data", "application/octet-stream", [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0xFE, 0xFF]);
        Assert.That(binary.Unreadable, Is.EqualTo(new[] { "octet_stream" }));
        var other = ExtractAttachment("data.bin", "application/x-custom", [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0xFE, 0xFF]);
        Assert.That(other.Unreadable, Is.EqualTo(new[] { "unknown_type" }));
        // Sniffed as an image, so OCR'd: a page-sized gradient holds no text (an icon-sized one would be skipped).
        var disguised = ExtractAttachment("photo.png", "application/octet-stream", Png(640, 640));
        Assert.That(disguised.Unreadable, Is.EqualTo(new[] { "image_no_text" }));
    }

    [Test]
    public void ScannedPdf_IsUnreadable()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        page.AddPng(Png(64, 64), new PdfRectangle(40, 400, 540, 800));
        var e = ExtractAttachment("referral.pdf", "application/pdf", builder.Build());
        Assert.That(e.Unreadable, Is.EqualTo(new[] { "scanned_pdf" }));
    }

    [Test]
    public void EncryptedPdf_IsUnreadable()
    {
        // The trailer names an encryption dictionary: the streams cannot be checked or read without it.
        var pdf = Encoding.Latin1.GetString(Pdf("MRN 00482913"));
        var at = pdf.LastIndexOf("trailer", StringComparison.Ordinal);
        var encrypted = at < 0 ? pdf.Replace("/Root", "/Encrypt 99 0 R /Root", StringComparison.Ordinal) : pdf.Insert(pdf.IndexOf("<<", at, StringComparison.Ordinal) + 2, "/Encrypt 99 0 R ");
        var e = ExtractAttachment("secret.pdf", "application/pdf", Encoding.Latin1.GetBytes(encrypted));
        Assert.That(e.Unreadable, Is.EqualTo(new[] { "encrypted_pdf" }));
    }

    /// <summary>A grey PNG (8-bit greyscale), written by hand: the framework has no image encoder. Each pixel
    /// from <paramref name="pixel"/> (x, y), by default a diagonal gradient.</summary>
    internal static byte[] Png(int width, int height, Func<int, int, byte>? pixel = null)
    {
        pixel ??= (x, y) => (byte)((x * 7 + y * 3) & 0xFF);
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        Chunk(output, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < height; y++)
            {
                z.WriteByte(0);
                for (var x = 0; x < width; x++)
                {
                    z.WriteByte(pixel(x, y));
                }
            }
        }

        Chunk(output, "IDAT", raw.ToArray());
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
