using System.Security.Cryptography;

namespace SecureRelay.Storage.Files;

/// <summary>
/// Owner-only files written atomically: the content goes to a temporary file (mode 0600) in the same
/// directory, is fsync'ed, and only then takes the final name, so a crash leaves either the old file
/// or the new one, never a torn key. Directories created here are 0700.
/// </summary>
public static class PrivateFiles
{
    /// <summary>Mode of a private file: 0600.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Mode of a private directory: 0700.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates <paramref name="directory"/> (and its parents) with mode 0700 when it does not exist; an existing one is left as it is.</summary>
    public static void CreateDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, DirectoryMode);
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> only if no file has that name yet.</summary>
    /// <returns>False when the file already existed (another process created it first); it is left untouched.</returns>
    public static bool TryCreate(string path, ReadOnlySpan<byte> content)
    {
        var temporary = WriteTemporary(path, content);
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> in one rename.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        var temporary = WriteTemporary(path, content);
        try
        {
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads a whole file of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The file is larger than <paramref name="maxBytes"/>.</exception>
    public static byte[] ReadAll(string path, long maxBytes)
    {
        using var stream = new FileStream(path, System.IO.FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > maxBytes)
        {
            throw new InvalidDataException($"{path}: larger than {maxBytes} bytes ({stream.Length})");
        }

        var content = new byte[stream.Length];
        stream.ReadExactly(content);
        return content;
    }

    /// <summary>True when group or others have any access to <paramref name="path"/> (always false on Windows).</summary>
    public static bool IsOpenToOthers(string path) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOther) != 0;

    /// <summary>Sets mode 0600 on each of <paramref name="paths"/> that exists.</summary>
    public static void Restrict(params ReadOnlySpan<string> paths)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, FileMode);
            }
        }
    }

    private static string WriteTemporary(string path, ReadOnlySpan<byte> content)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + ".tmp");
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        using var stream = new FileStream(temporary, options);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
        return temporary;
    }
}
