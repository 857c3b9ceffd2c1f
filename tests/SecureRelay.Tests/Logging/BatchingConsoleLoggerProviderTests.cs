using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SecureRelay.Logging;

namespace SecureRelay.Tests.Logging;

/// <summary>The relay's log output: the simple-console line format, one line per event, nothing lost.</summary>
[TestFixture]
public sealed partial class BatchingConsoleLoggerProviderTests
{
    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (info|warn|fail): Test\.Category\[(\d+)\] (.*)$")]
    private static partial Regex LineFormat();

    [Test]
    public void WritesOneSimpleConsoleLinePerEventWithLineBreaksFlattened()
    {
        var output = new MemoryStream();
        using (var provider = new BatchingConsoleLoggerProvider(output))
        {
            var logger = provider.CreateLogger("Test.Category");
            logger.Log(LogLevel.Information, new EventId(1000), "first", null, (s, _) => s);
            logger.Log(LogLevel.Warning, new EventId(7), "two\r\nlines\nand\rmore", null, (s, _) => s);
            logger.Log(LogLevel.Error, new EventId(9), "failed", new InvalidOperationException("boom\nline"), (s, _) => s);
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4), "three lines and the final newline");
        Assert.That(lines[3], Is.Empty);
        var first = LineFormat().Match(lines[0]);
        Assert.That(first.Success, Is.True, lines[0]);
        Assert.That((first.Groups[1].Value, first.Groups[2].Value, first.Groups[3].Value), Is.EqualTo(("info", "1000", "first")));
        var second = LineFormat().Match(lines[1]);
        Assert.That(second.Groups[3].Value, Is.EqualTo("two lines and more"));
        var third = LineFormat().Match(lines[2]);
        Assert.That(third.Groups[1].Value, Is.EqualTo("fail"));
        Assert.That(third.Groups[3].Value, Does.StartWith("failed System.InvalidOperationException: boom line"));
    }

    [Test]
    public void LosesNothingWhenLoggersOutrunASmallQueue()
    {
        const int Threads = 8;
        const int PerThread = 2000;
        var output = new MemoryStream();
        using (var provider = new BatchingConsoleLoggerProvider(output, maxQueuedLines: 16))
        {
            Parallel.For(0, Threads, t =>
            {
                var logger = provider.CreateLogger("Test.Category");
                for (var i = 0; i < PerThread; i++)
                {
                    logger.Log(LogLevel.Information, new EventId(t), $"t{t} n{i}", null, (s, _) => s);
                }
            });
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(Threads * PerThread));
        for (var t = 0; t < Threads; t++)
        {
            // Each thread's lines keep their order.
            var mine = lines.Where(l => l.Contains($"] t{t} n", StringComparison.Ordinal)).Select(l => int.Parse(l[(l.LastIndexOf('n') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.That(mine, Is.EqualTo(Enumerable.Range(0, PerThread)), $"thread {t}");
        }
    }

    [Test]
    public void DisabledLevelWritesNothing()
    {
        var output = new MemoryStream();
        using (var provider = new BatchingConsoleLoggerProvider(output))
        {
            provider.CreateLogger("Test.Category").Log(LogLevel.None, new EventId(1), "never", null, (s, _) => s);
        }

        Assert.That(output.Length, Is.Zero);
    }
}
