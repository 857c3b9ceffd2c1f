using System.CommandLine;
using SecureRelay.Configuration;
using SecureRelay.Policy.Yaml;
using SecureRelay.Policy.Stores;

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
        root.Add(ConfigCommand.Create());
        root.Add(UsersCommand.Create());
        root.Add(QueueCommand.Create());
        root.Add(PolicyCommand.Create());
        root.Add(ConsentCommand.Create());
        root.Add(SuppressCommand.Create());
        root.Add(EscrowCommand.Create());
        root.Add(DkimCommand.Create());
        root.Add(SendmailCommand.Create());
        return root;
    }

    /// <summary>Loads the configuration named by <paramref name="config"/>; on error prints
    /// <c>file:line:col: reason</c> and returns null (the verb then exits 1).</summary>
    public static RelaySettings? LoadSettings(ParseResult parse, Option<string> config)
    {
        ArgumentNullException.ThrowIfNull(parse);
        try
        {
            return RelayConfigLoader.Load(parse.GetValue(config)!);
        }
        catch (ConfigurationException e)
        {
            parse.InvocationConfiguration.Error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>Runs <paramref name="action"/> on the configuration named by <paramref name="config"/>;
    /// exit 1 when it cannot be loaded (see <see cref="LoadSettings"/>).</summary>
    public static int WithSettings(ParseResult parse, Option<string> config, Func<RelaySettings, int> action) =>
        LoadSettings(parse, config) is { } settings ? action(settings) : 1;

    /// <summary>Prints a CSV import's counts, and its errors on standard error; exit 1 when a row had one.</summary>
    public static int ReportImport(ParseResult parse, CsvImportResult result)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(result);
        parse.InvocationConfiguration.Output.WriteLine($"added {result.Added}, skipped {result.Skipped}");
        foreach (var e in result.Errors)
        {
            parse.InvocationConfiguration.Error.WriteLine(e);
        }

        return result.Errors.Count == 0 ? 0 : 1;
    }

    /// <summary>A <c>--config</c> option shared by a verb and all its sub-verbs.</summary>
    public static Option<string> RecursiveConfigOption()
    {
        var option = ConfigOption();
        option.Recursive = true;
        return option;
    }

    /// <summary>The shared <c>--config</c> option.</summary>
    public static Option<string> ConfigOption() => new("--config", "-c")
    {
        Description = $"Configuration file (default: {DefaultConfigPath})",
        DefaultValueFactory = _ => DefaultConfigPath,
    };
}
