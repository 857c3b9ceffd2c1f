namespace SecureRelay.Testing;

/// <summary>A fresh directory under the system's temporary directory, deleted (best effort) on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates <c>{prefix}{random}</c> under the temporary directory.</summary>
    public TempDirectory(string prefix = "sr-test-")
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The directory's full path.</summary>
    public string Path { get; }

    /// <summary>The path of <paramref name="name"/> inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc />
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
