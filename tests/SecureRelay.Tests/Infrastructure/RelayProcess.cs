using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>
/// The real <c>securerelay</c> executable run as a child process with a test configuration, so tests
/// can SIGKILL it, restart it on the same data directory, and read its log.
/// </summary>
public sealed class RelayProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _process;

    private RelayProcess(string dir, int smtpPort, int adminPort)
    {
        Directory = dir;
        SmtpPort = smtpPort;
        AdminPort = adminPort;
    }

    /// <summary>The working directory holding securerelay.yaml and data/.</summary>
    public string Directory { get; }

    /// <summary>The inbound SMTP port.</summary>
    public int SmtpPort { get; }

    /// <summary>The admin HTTP port.</summary>
    public int AdminPort { get; }

    /// <summary>The configuration file path.</summary>
    public string ConfigFile => Path.Combine(Directory, "securerelay.yaml");

    /// <summary>Everything the process wrote so far.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>The process id while running.</summary>
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Creates a work directory with a configuration built by <paramref name="yaml"/>
    /// (given the SMTP and admin ports), lets <paramref name="prepare"/> add files to it (policy,
    /// certificates, keys), and starts the relay.</summary>
    public static async Task<RelayProcess> StartAsync(Func<int, int, string> yaml, Action<string>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var dir = System.IO.Directory.CreateTempSubdirectory("sr-relay-").FullName;
        var relay = new RelayProcess(dir, TestPorts.Free(), TestPorts.Free());
        await File.WriteAllTextAsync(relay.ConfigFile, yaml(relay.SmtpPort, relay.AdminPort)).ConfigureAwait(false);
        prepare?.Invoke(dir);
        await relay.StartAsync().ConfigureAwait(false);
        return relay;
    }

    /// <summary>Starts (or restarts) the process on the same directory and waits for its SMTP port.</summary>
    public async Task StartAsync()
    {
        _process = Start("run", "--config", ConfigFile);
        await TestPorts.WaitListeningAsync(SmtpPort, TimeSpan.FromSeconds(60), () => Log).ConfigureAwait(false);
    }

    /// <summary>Runs another verb of the same executable to completion.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(TimeSpan timeout, params string[] args)
    {
        var (file, prefix) = Executable();
        return await Tools.RunAsync(file, prefix.Concat(args), timeout).ConfigureAwait(false);
    }

    /// <summary>Runs another verb with <paramref name="stdin"/> as its standard input, byte for byte.</summary>
    public static async Task<(int ExitCode, string Output)> RunVerbAsync(TimeSpan timeout, byte[] stdin, params string[] args)
    {
        var (file, prefix) = Executable();
        return await Tools.RunAsync(file, prefix.Concat(args), timeout, stdin).ConfigureAwait(false);
    }

    /// <summary>The native launcher (apphost) beside securerelay.dll: what a link such as
    /// /usr/sbin/sendmail points at.</summary>
    public static string AppHost() => Path.ChangeExtension(Executable().Prefix[0], null);

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or power loss of the process.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM and wait for a graceful exit; returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false } p)
        {
            return _process?.ExitCode ?? 0;
        }

        _ = Tools.RunAsync("/bin/kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
        using var cts = new CancellationTokenSource(timeout);
        await p.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        return p.ExitCode;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        await Task.Yield();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Process Start(params string[] args)
    {
        var (file, prefix) = Executable();
        var psi = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in prefix.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _log.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _log.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The built securerelay.dll of the same configuration as this test assembly.</summary>
    private static (string File, string[] Prefix) Executable()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Tools.RepositoryRoot(), "src", "SecureRelay", "bin", configuration, "net10.0", "securerelay.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first");
        }

        return ("dotnet", [dll]);
    }
}
