using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SecureRelay.Testing;

/// <summary>
/// Postfix's <c>smtp-sink</c> on 127.0.0.1, dumping every transaction into one file (<c>-D</c>) so a
/// test can count and read what really arrived, and printing its running counters (<c>-c</c>). Fault
/// flags (<c>-r</c> soft reject, <c>-f</c> hard reject) make it a failing next hop.
/// </summary>
public sealed partial class SmtpSink : IDisposable, IAsyncDisposable
{
    /// <summary>The most characters of smtp-sink's standard output kept for <see cref="Counters"/>.</summary>
    private const int MaxOutputChars = 100_000;

    private readonly Process _process;
    private readonly string _dir;
    private readonly Lock _gate = new();
    private string _output = string.Empty;

    private SmtpSink(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The multi-message dump file.</summary>
    public string DumpFile => Path.Combine(_dir, "dump");

    /// <summary>Starts a sink; <paramref name="extraArgs"/> adds fault flags such as <c>-r RCPT</c>.</summary>
    public static Task<SmtpSink> StartAsync(params string[] extraArgs) => StartOnPortAsync(TestPorts.Free(), extraArgs);

    /// <summary>Starts a sink on a given port (to stand in for a next hop that was down).</summary>
    public static async Task<SmtpSink> StartOnPortAsync(int port, params string[] extraArgs)
    {
        var exe = Tools.Require("smtp-sink");
        var dir = Directory.CreateTempSubdirectory("sr-sink-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0x1FF); // 0777: smtp-sink drops to 'nobody' as root
        }
        var psi = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        if (Environment.UserName == "root")
        {
            psi.ArgumentList.Add("-u");
            psi.ArgumentList.Add("nobody");
        }

        foreach (var a in extraArgs)
        {
            psi.ArgumentList.Add(a);
        }

        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("-D");
        psi.ArgumentList.Add(Path.Combine(dir, "dump"));
        psi.ArgumentList.Add($"127.0.0.1:{port}");
        psi.ArgumentList.Add("256");
        var process = Process.Start(psi)!;
        var sink = new SmtpSink(process, dir, port);
        _ = sink.PumpAsync(process.StandardOutput);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        await TestPorts.WaitListeningAsync(port, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return sink;
    }

    /// <summary>Starts a sink on a port chosen earlier (a next hop that was down until now), retrying a
    /// few times in case something else took the port meanwhile.</summary>
    public static async Task<SmtpSink> StartOnChosenPortAsync(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await StartOnPortAsync(port).ConfigureAwait(false);
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The dump file's text (empty before the first message).</summary>
    public string ReadDump()
    {
        if (!File.Exists(DumpFile))
        {
            return "";
        }

        using var stream = new FileStream(DumpFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The dump split into transactions, each starting with smtp-sink's <c>X-Client-Addr:</c>
    /// line and holding its <c>X-Mail-Args</c>/<c>X-Rcpt-Args</c> lines and the message as received.</summary>
    public IReadOnlyList<string> ReadTransactions()
    {
        var dump = ReadDump();
        var starts = TransactionStart().Matches(dump).Select(m => m.Index).Append(dump.Length).ToList();
        return [.. starts.Zip(starts.Skip(1), (from, to) => dump[from..to])];
    }

    /// <summary>Transactions completed so far (smtp-sink writes one X-Mail-Args line per transaction).</summary>
    public int CountMessages() => MailArgs().Count(ReadDump());

    /// <summary>Waits until at least <paramref name="count"/> transactions arrived; returns the count.</summary>
    public async Task<int> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = CountMessages();
        while (seen < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200).ConfigureAwait(false);
            seen = CountMessages();
        }

        return seen;
    }

    /// <summary>The dump split into transactions (each starts with smtp-sink's X-Client-Addr line).</summary>
    public IReadOnlyList<SinkTransaction> Transactions() =>
        ReadDump().Split("X-Client-Addr:", StringSplitOptions.RemoveEmptyEntries).Select(SinkTransaction.Parse).ToList();

    /// <summary>Waits until a transaction whose content contains <paramref name="token"/> arrived;
    /// null when none did within <paramref name="timeout"/>.</summary>
    public async Task<SinkTransaction?> WaitForTransactionAsync(string token, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Transactions().FirstOrDefault(t => t.Content.Contains(token, StringComparison.Ordinal));
            if (found is not null || DateTime.UtcNow >= deadline)
            {
                return found;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>The last (sessions ended, messages received) of smtp-sink's <c>-c</c> counters.</summary>
    public (int Sessions, int Messages) Counters
    {
        get
        {
            lock (_gate)
            {
                Match? last = CounterRegex().Matches(_output).LastOrDefault();
                return last is null ? (0, 0) : (int.Parse(last.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(last.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            lock (_gate)
            {
                _output += new string(buffer, 0, n);
                if (_output.Length > MaxOutputChars)
                {
                    _output = _output[^10_000..];
                }
            }
        }
    }

    [GeneratedRegex(@"sess=(\d+) quit=\d+ mesg=(\d+)")]
    private static partial Regex CounterRegex();

    [GeneratedRegex("^X-Mail-Args:", RegexOptions.Multiline)]
    private static partial Regex MailArgs();

    [GeneratedRegex("^X-Client-Addr:", RegexOptions.Multiline)]
    private static partial Regex TransactionStart();
}
