namespace SecureRelay.Storage.Tests;

/// <summary>A fresh directory per test, removed afterwards.</summary>
public abstract class TempDirectory
{
    protected string Root { get; private set; } = string.Empty;

    [SetUp]
    public void CreateRoot()
    {
        Root = Path.Combine(Path.GetTempPath(), "storagetest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    [TearDown]
    public void DeleteRoot()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
