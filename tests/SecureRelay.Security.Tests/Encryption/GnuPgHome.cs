namespace SecureRelay.Security.Tests.Encryption;

/// <summary>A throw-away GnuPG home driven with <c>gpg --batch</c>.</summary>
internal sealed class GnuPgHome : IDisposable
{
    public GnuPgHome(string path)
    {
        Tools.Require("gpg");
        Path = path;
        Directory.CreateDirectory(path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    private Dictionary<string, string> Env => new() { ["GNUPGHOME"] = Path };

    public string Run(params string[] args)
    {
        var (code, stdout, stderr) = Tools.Run("gpg", ["--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "", .. args], env: Env);
        Assert.That(code, Is.Zero, "gpg " + string.Join(' ', args) + ": " + stderr);
        return stdout;
    }

    public (int ExitCode, string StdOut, string StdErr) TryRun(params string[] args) =>
        Tools.Run("gpg", ["--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", "", .. args], env: Env);

    /// <summary>Creates a key; returns its fingerprint.</summary>
    public string Generate(string userId, string algorithm = "default", string expire = "never", string? fakedTime = null)
    {
        string[] faked = fakedTime is null ? [] : ["--faked-system-time", fakedTime];
        Run([.. faked, "--quick-gen-key", userId, algorithm, "default", expire]);
        var listing = Run("--with-colons", "--list-keys", userId);
        return listing.Split('\n').First(l => l.StartsWith("fpr:", StringComparison.Ordinal)).Split(':')[9];
    }

    public string ExportArmored(string fingerprint) => Run("--armor", "--export", fingerprint);

    public byte[] ExportBinary(string fingerprint, string file)
    {
        Run("--output", file, "--export", fingerprint);
        return File.ReadAllBytes(file);
    }

    /// <summary>Applies the revocation certificate gpg wrote when the key was made.</summary>
    public void Revoke(string fingerprint)
    {
        var rev = System.IO.Path.Combine(Path, "openpgp-revocs.d", fingerprint + ".rev");
        // gpg prefixes the armour line with ':' so that it is not imported by accident.
        var text = File.ReadAllText(rev).Replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----", StringComparison.Ordinal);
        var fixedRev = System.IO.Path.Combine(Path, "revoke.asc");
        File.WriteAllText(fixedRev, text);
        Run("--import", fixedRev);
    }

    public void Dispose() => Tools.Run("gpgconf", ["--kill", "gpg-agent"], env: Env);
}
