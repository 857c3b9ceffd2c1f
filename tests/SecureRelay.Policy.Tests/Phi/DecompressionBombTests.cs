using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using SecureRelay.Policy.Phi;
using static SecureRelay.Policy.Tests.PolicyTestData;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Decompression bombs are stopped by work, not by the clock: each is reported as
/// <c>decompression_limit</c> after inflating at most the per-message budget, and a burst of them does not
/// grow the process by more than a fraction of what they would inflate to.</summary>
[NonParallelizable]
public class DecompressionBombTests
{
    private const long BombBytes = 400L * 1024 * 1024;
    private const long MaxGrowth = 512L * 1024 * 1024;

    private static readonly Lazy<byte[]> PdfBomb = new(BuildPdfBomb);
    private static readonly Lazy<byte[]> ZipBomb = new(() => ZipOf(("records.txt", (byte)'0')));
    private static readonly Lazy<byte[]> XlsxBomb = new(() => ZipOf(("xl/workbook.xml", (byte)' '), ("xl/worksheets/sheet1.xml", (byte)' ')));

    /// <summary>A one-page PDF whose content stream is 400 MiB of zeros, zlib-compressed (about 400 KB).</summary>
    private static byte[] BuildPdfBomb()
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            WriteRepeated(z, (byte)'0', BombBytes);
        }

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        Write("%PDF-1.4\n");
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        ];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Position);
            Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        offsets.Add(pdf.Position);
        Write($"4 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
        compressed.Position = 0;
        compressed.CopyTo(pdf);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        Write("xref\n0 5\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private static byte[] ZipOf(params (string Name, byte Fill)[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, fill) in entries)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                WriteRepeated(entry, fill, BombBytes);
            }
        }

        return stream.ToArray();
    }

    private static void WriteRepeated(Stream output, byte fill, long count)
    {
        var chunk = new byte[1024 * 1024];
        chunk.AsSpan().Fill(fill);
        for (var written = 0L; written < count; written += chunk.Length)
        {
            output.Write(chunk);
        }
    }

    [Test]
    public async Task PdfBomb_IsDecompressionLimit()
    {
        Assert.That(PdfBomb.Value, Has.Length.LessThan(1024 * 1024), "the fixture is a bomb: small on the wire");
        var c = await Classify(WithAttachment("See attached.", "report.pdf", "application/pdf", PdfBomb.Value));
        Assert.That(c.Detectors, Is.EqualTo(new[] { "unreadable:decompression_limit" }));
    }

    [Test]
    public async Task EightPdfBombsAndArchiveBombsAtOnce_AreUnreadable_AndMemoryStaysBounded()
    {
        var messages = Enumerable.Range(0, 8).Select(_ => ("report.pdf", "application/pdf", PdfBomb.Value))
            .Append(("records.zip", "application/zip", ZipBomb.Value))
            .Append(("list.xlsx", DocumentReaderTests.XlsxType, XlsxBomb.Value))
            .Select(a => ToStream(WithAttachment("See attached.", a.Item1, a.Item2, a.Item3)).ToArray())
            .ToArray();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = Environment.WorkingSet;
        var peak = baseline;
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            // Bounded: at most 10 minutes of 5 ms samples.
            for (var i = 0; i < 120_000 && !done.IsCancellationRequested; i++)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(5, CancellationToken.None);
            }
        });

        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(messages.Select(bytes => Task.Run(async () =>
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return await Patient.ClassifyAsync(stream, Envelope(size: bytes.Length));
        })));
        await done.CancelAsync();
        await sampler;
        peak = Math.Max(peak, Environment.WorkingSet);
        var growth = peak - baseline;
        await TestContext.Out.WriteLineAsync(
            $"10 bombs ({messages.Length} messages, {BombBytes >> 20} MiB each inflated): peak working set growth {growth / (1024.0 * 1024):0.0} MB in {watch.Elapsed.TotalSeconds:0.00} s");
        Assert.Multiple(() =>
        {
            foreach (var c in results)
            {
                Assert.That(c.Detectors, Is.EqualTo(new[] { "unreadable:decompression_limit" }));
            }

            Assert.That(growth, Is.LessThan(MaxGrowth));
        });
    }
}
