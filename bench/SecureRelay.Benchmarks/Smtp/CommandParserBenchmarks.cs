using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using SecureRelay.Smtp;
using SecureRelay.Smtp.Protocol;

namespace SecureRelay.Benchmarks.Smtp;

/// <summary>One transaction's commands through <see cref="SmtpCommandParser"/> (bytes as they arrive).</summary>
[MemoryDiagnoser]
public class CommandParserBenchmarks
{
    private static readonly ReadOnlySequence<byte>[] Lines =
    [
        .. new[]
        {
            "EHLO client.example.com",
            "MAIL FROM:<sender@example.com> SIZE=10240 BODY=8BITMIME",
            "RCPT TO:<recipient@example.net> NOTIFY=SUCCESS,FAILURE ORCPT=rfc822;recipient@example.net",
            "DATA",
            "RSET",
        }.Select(l => new ReadOnlySequence<byte>(Encoding.ASCII.GetBytes(l))),
    ];

    /// <summary>Parses EHLO, MAIL, RCPT, DATA and RSET once each.</summary>
    [Benchmark]
    public int ParseTransaction()
    {
        var ok = 0;
        foreach (var line in Lines)
        {
            if (SmtpCommandParser.TryParse(line, out _, out SmtpReply _))
            {
                ok++;
            }
        }

        return ok;
    }
}
