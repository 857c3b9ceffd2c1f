using SecureRelay.Cli;

namespace SecureRelay;

/// <summary>Entry point of the <c>securerelay</c> executable.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the verb.</summary>
    public static Task<int> Main(string[] args) => CommandLine.Build().Parse(args).InvokeAsync();
}
