using System.CommandLine;

namespace SecureRelay.Cli;

/// <summary>The <c>securerelay</c> verbs.</summary>
public static class CommandLine
{
    /// <summary>The default configuration path, relative to the working directory.</summary>
    public const string DefaultConfigPath = "config/securerelay.yaml";

    /// <summary>Builds the root command with every verb.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("SecureRelay: a secure, high-throughput SMTP relay for protected health information.");
        root.Add(RunCommand.Create());
        root.Add(CheckCommand.Create());
        root.Add(UsersCommand.Create());
        root.Add(QueueCommand.Create());
        return root;
    }

    /// <summary>The shared <c>--config</c> option.</summary>
    public static Option<string> ConfigOption() => new("--config", "-c")
    {
        Description = $"Configuration file (default: {DefaultConfigPath})",
        DefaultValueFactory = _ => DefaultConfigPath,
    };
}
