using System.Diagnostics;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>Finds the real peers the tests drive (installed by scripts/test.sh) and runs them.</summary>
public static class Tools
{
    /// <summary>The full path of <paramref name="name"/> on PATH or in /usr/sbin, or null.</summary>
    public static string? Find(string name)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin");
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

    /// <summary>Runs a program to completion with a time limit; returns exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, string? stdin = null) =>
        RunAsync(file, args, timeout, stdin is null ? null : System.Text.Encoding.UTF8.GetBytes(stdin));

    /// <summary>Runs a program to completion with a time limit, <paramref name="stdin"/> as its
    /// standard input byte for byte; returns exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, byte[]? stdin, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        if (stdin is not null)
        {
            // Written and closed while output is read, so a child that answers before reading all of
            // its input cannot deadlock on a full pipe.
            _ = WriteAndCloseAsync(process.StandardInput.BaseStream, stdin);
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
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

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
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
