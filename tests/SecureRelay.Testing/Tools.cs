using System.Diagnostics;
using System.Text;

namespace SecureRelay.Testing;

/// <summary>
/// Finds the real peers the tests drive (swaks, openssl, gpg, smtp-source, smtp-sink; installed by
/// scripts/test.sh) and runs them to completion with a time limit, capturing their output.
/// </summary>
public static class Tools
{
    /// <summary>The most characters kept of each of a child's output streams; the rest is read and dropped.</summary>
    public const int MaxOutputChars = 8 * 1024 * 1024;

    /// <summary>The time a synchronous <see cref="Run"/> waits by default.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The full path of <paramref name="name"/> (a rooted path, or a name looked up on PATH,
    /// /usr/sbin and /usr/bin), or null.</summary>
    public static string? Find(string name)
    {
        if (Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin").Append("/usr/bin");
        return dirs.Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>The path of a tool, or the test is ignored with a reason (CI installs them all).</summary>
    public static string Require(string name) =>
        Find(name) ?? throw new IgnoreException($"{name} is not installed (scripts/test.sh installs it)");

    /// <summary>The repository root (the directory holding SecureRelay.sln) above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SecureRelay.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (SecureRelay.sln) above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs the installed tool <paramref name="tool"/> (ignored when missing) and waits;
    /// returns its exit code, standard output and standard error apart.</summary>
    public static (int ExitCode, string StdOut, string StdErr) Run(string tool, IEnumerable<string> args,
        string? stdin = null, IReadOnlyDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        ToolResult result = ExecuteAsync(Require(tool), args, timeout ?? DefaultTimeout,
            stdin is null ? null : Encoding.UTF8.GetBytes(stdin), env).GetAwaiter().GetResult();
        return (result.ExitCode, result.StdOut, result.StdErr);
    }

    /// <summary>Runs a program to completion with a time limit; returns exit code and output
    /// (standard output, then standard error).</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, string? stdin = null) =>
        RunAsync(file, args, timeout, stdin is null ? null : Encoding.UTF8.GetBytes(stdin));

    /// <summary>Runs a program to completion with a time limit, <paramref name="stdin"/> as its
    /// standard input byte for byte; returns exit code and output (standard output, then standard error).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, byte[]? stdin, string? workingDirectory = null)
    {
        ToolResult result = await ExecuteAsync(file, args, timeout, stdin, workingDirectory: workingDirectory).ConfigureAwait(false);
        return (result.ExitCode, result.StdOut + result.StdErr);
    }

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> (no shell), standard input
    /// <paramref name="stdin"/> (empty when null), extra <paramref name="environment"/> variables;
    /// kills the process tree and throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// Each output stream is kept up to <see cref="MaxOutputChars"/>.
    /// </summary>
    internal static async Task<ToolResult> ExecuteAsync(string file, IEnumerable<string> args, TimeSpan timeout, byte[]? stdin = null,
        IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[name] = value;
        }

        using var process = Process.Start(psi)!;
        // Written and closed while output is read, so a child that answers before reading all of
        // its input cannot deadlock on a full pipe.
        _ = WriteAndCloseAsync(process.StandardInput.BaseStream, stdin ?? []);
        var stdout = ReadBoundedAsync(process.StandardOutput);
        var stderr = ReadBoundedAsync(process.StandardError);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}: {await stdout.ConfigureAwait(false)}{await stderr.ConfigureAwait(false)}");
        }

        return new ToolResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static async Task<string> ReadBoundedAsync(StreamReader reader)
    {
        var kept = new StringBuilder();
        var buffer = new char[16 * 1024];
        int n;
        while ((n = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            kept.Append(buffer, 0, Math.Min(n, MaxOutputChars - kept.Length));
        }

        return kept.ToString();
    }

    private static async Task WriteAndCloseAsync(Stream input, byte[] bytes)
    {
        try
        {
            await input.WriteAsync(bytes).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The child exited (or closed its input) before reading everything: its exit code tells.
        }
        finally
        {
            input.Close();
        }
    }
}
