namespace SecureRelay.Tests.Infrastructure;

/// <summary>Reads files a running relay is still appending to (audit trail, logs).</summary>
public static class SharedFile
{
    /// <summary>The whole text of <paramref name="path"/>, opened without blocking its writer; empty
    /// when the file does not exist yet.</summary>
    public static string ReadAllText(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
