using SecureRelay.Cli;

namespace SecureRelay;

/// <summary>Entry point of the <c>securerelay</c> executable.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the verb.</summary>
    public static Task<int> Main(string[] args)
    {
        // Every verb may create files under data_dir (run, consent, suppress, escrow): none may be
        // readable by others.
        Hosting.DataDirectoryPermissions.RestrictUmask();
        return CommandLine.Build().Parse(args).InvokeAsync();
    }
}
