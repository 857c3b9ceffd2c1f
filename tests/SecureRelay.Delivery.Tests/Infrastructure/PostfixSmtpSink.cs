using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>Postfix's smtp-sink on a free loopback port, with its running counters (-c) parsed.</summary>
public sealed partial class PostfixSmtpSink : IAsyncDisposable
{
    public const string Path = "/usr/sbin/smtp-sink";
    private readonly Process _process;
    private readonly Lock _gate = new();
    private string _output = string.Empty;

    private PostfixSmtpSink(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostfixSmtpSink> StartAsync(params string[] flags)
    {
        if (!File.Exists(Path))
        {
            Assert.Ignore("smtp-sink is not installed (apt-get install postfix)");
        }

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.UserName == "root")
        {
            psi.ArgumentList.Add("-u");
            psi.ArgumentList.Add("nobody");
        }

        psi.ArgumentList.Add("-c");
        foreach (string f in flags)
        {
            psi.ArgumentList.Add(f);
        }

        psi.ArgumentList.Add($"127.0.0.1:{port}");
        psi.ArgumentList.Add("256");
        var process = Process.Start(psi)!;
        var sink = new PostfixSmtpSink(process, port);
        _ = sink.PumpAsync(process.StandardOutput);
        _ = process.StandardError.ReadToEndAsync();

        // Ready once it accepts connections.
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var c = new TcpClient();
                await c.ConnectAsync(IPAddress.Loopback, port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(30);
            }
        }

        await sink.DisposeAsync();
        throw new InvalidOperationException("smtp-sink did not start");
    }

    /// <summary>Last (sessions ended, messages received) from the -c counters.</summary>
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

    private async Task PumpAsync(StreamReader reader)
    {
        var buffer = new char[4096];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            lock (_gate)
            {
                _output += new string(buffer, 0, n);
                if (_output.Length > 100_000)
                {
                    _output = _output[^10_000..];
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"sess=(\d+) quit=\d+ mesg=(\d+)")]
    private static partial Regex CounterRegex();
}
