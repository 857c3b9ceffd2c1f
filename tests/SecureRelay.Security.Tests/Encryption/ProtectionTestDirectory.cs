namespace SecureRelay.Security.Tests.Encryption;

/// <summary>A temporary directory deleted on dispose.</summary>
internal sealed class ProtectionTestDirectory : IDisposable
{
    public ProtectionTestDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sr-sec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Leftover temp files are harmless; a failed cleanup must not fail the test.
        }
    }
}
