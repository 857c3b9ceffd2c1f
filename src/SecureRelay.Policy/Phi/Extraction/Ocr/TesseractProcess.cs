using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>Runs the Tesseract executable on one image: the image on stdin, TSV on stdout read up to
/// <see cref="OcrSettings.MaxOutputBytes"/>, stderr drained and dropped (it may echo content), one thread
/// (<c>OMP_THREAD_LIMIT=1</c>), killed with its process tree at the time bound. Nothing is written to disk.</summary>
internal static class TesseractProcess
{
    private const int MaxListBytes = 64 * 1024;

    private static readonly ConcurrentDictionary<string, IReadOnlyCollection<string>> InstalledLanguages = new(StringComparer.Ordinal);

    /// <summary>Throws when the executable or a language is not installed, naming the Debian package; the
    /// answer is cached per executable. Used by the policy compiler and the built-in settings.</summary>
    /// <exception cref="OcrEngineMissingException">Not installed.</exception>
    public static void Verify(OcrSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            return;
        }

        var path = Resolve(settings.Command) ?? throw new OcrEngineMissingException(
            $"OCR is enabled but '{settings.Command}' is not installed (Debian package tesseract-ocr; run scripts/lexicons.sh, or set classifier.ocr.enabled: false)");
        var installed = InstalledLanguages.GetOrAdd(path, ListLanguages);
        var missing = settings.Languages.Where(l => !installed.Contains(l)).ToList();
        if (missing.Count > 0)
        {
            throw new OcrEngineMissingException(
                $"OCR language(s) {string.Join(", ", missing)} not installed for '{path}' (Debian package(s) {string.Join(", ", missing.Select(l => "tesseract-ocr-" + l.Replace('_', '-')))}; run scripts/lexicons.sh)");
        }
    }

    /// <summary>The full path of <paramref name="command"/> (a path, or a name on PATH), or null.</summary>
    public static string? Resolve(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs Tesseract on <paramref name="image"/> within <paramref name="timeout"/>.</summary>
    /// <returns>The TSV output.</returns>
    /// <exception cref="UnreadableContentException"><c>ocr_timeout</c>, <c>ocr_limit</c> (output too long), <c>ocr_failed</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the process is killed).</exception>
    public static string Run(OcrSettings settings, ReadOnlyMemory<byte> image, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Resolve(settings.Command) ?? throw new UnreadableContentException("ocr_failed"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["stdin", "stdout", "-l", string.Join('+', settings.Languages), "--psm", "3", "tsv"])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new UnreadableContentException("ocr_failed", e);
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            var feed = Feed(process.StandardInput.BaseStream, image, timer.Token);
            var output = ReadCapped(process.StandardOutput.BaseStream, OcrSettings.MaxOutputBytes, timer.Token);
            var errors = Drain(process.StandardError.BaseStream, timer.Token);
            // Output past the cap ends the run at once (the process is killed below), not at the timeout.
            output.Wait(timer.Token);
            if (output.Result is null)
            {
                throw new UnreadableContentException("ocr_limit");
            }

            Task.WaitAll([feed, errors], timer.Token);
            process.WaitForExitAsync(timer.Token).Wait(timer.Token);
            return process.ExitCode == 0 ? Encoding.UTF8.GetString(output.Result!) : throw new UnreadableContentException("ocr_failed");
        }
        catch (Exception e) when (e is OperationCanceledException || (e is AggregateException a && a.InnerExceptions.All(i => i is OperationCanceledException)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new UnreadableContentException("ocr_timeout", e);
        }
        catch (AggregateException e)
        {
            // A pipe closed early: Tesseract refused the image (it stops reading stdin when it cannot decode it).
            throw new UnreadableContentException("ocr_failed", e);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task Feed(Stream input, ReadOnlyMemory<byte> image, CancellationToken token)
    {
        try
        {
            await input.WriteAsync(image, token).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Tesseract closed stdin early: the exit code tells whether it could read the image.
        }
        finally
        {
            try
            {
                await input.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The pipe is already broken.
            }
        }
    }

    /// <summary>All of <paramref name="stream"/>, or null once it passes <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadCapped(Stream stream, int limit, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, token).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>Reads <paramref name="stream"/> to its end and drops it (stderr may echo content; a full pipe
    /// would stall the process).</summary>
    private static async Task Drain(Stream stream, CancellationToken token)
    {
        var chunk = new byte[16 * 1024];
        while (await stream.ReadAsync(chunk, token).ConfigureAwait(false) > 0)
        {
            // Dropped.
        }
    }

    /// <summary><c>tesseract --list-langs</c>, bounded to 10 s and 64 KiB.</summary>
    private static IReadOnlyCollection<string> ListLanguages(string path)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--list-langs");
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new OcrEngineMissingException($"'{path}' cannot be run (Debian package tesseract-ocr; run scripts/lexicons.sh)", e);
        }

        using var timer = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var output = ReadCapped(process.StandardOutput.BaseStream, MaxListBytes, timer.Token);
            var errors = Drain(process.StandardError.BaseStream, timer.Token);
            Task.WaitAll([output, errors], timer.Token);
            process.WaitForExitAsync(timer.Token).Wait(timer.Token);
            var text = Encoding.UTF8.GetString(output.Result ?? []);
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => !l.Contains(' ', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is OperationCanceledException or AggregateException)
        {
            throw new OcrEngineMissingException($"'{path} --list-langs' did not answer (Debian package tesseract-ocr; run scripts/lexicons.sh)", e);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
