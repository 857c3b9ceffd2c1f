using BenchmarkDotNet.Attributes;
using SecureRelay.Smtp;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Benchmarks.Smtp;

/// <summary>DATA framing: dot-unstuffing, line and header limits and the terminator, over a whole
/// message fed in 4 KiB reads (as the socket delivers it).</summary>
[MemoryDiagnoser]
public class ContentScannerBenchmarks
{
    private readonly byte[] _output = new byte[4096];
    private byte[] _data = [];

    /// <summary>Message size in bytes.</summary>
    [Params(1024, 10240, 102400)]
    public int Size { get; set; }

    /// <summary>Builds the DATA stream (message + CRLF.CRLF).</summary>
    [GlobalSetup]
    public void Setup() => _data = [.. Payloads.Message(Size), .. "\r\n.\r\n"u8];

    /// <summary>Scans the whole DATA stream.</summary>
    [Benchmark]
    public long ScanData()
    {
        var scanner = new MessageContentScanner(dotStuffed: true, new SmtpLimits());
        var input = _data.AsSpan();
        long total = 0;
        while (!input.IsEmpty)
        {
            var chunk = input[..Math.Min(4096, input.Length)];
            var status = scanner.Scan(chunk, _output, out var consumed, out var written);
            total += written;
            input = input[consumed..];
            if (status == ScanStatus.EndOfData)
            {
                break;
            }
        }

        return total + scanner.Finish(_output);
    }
}
