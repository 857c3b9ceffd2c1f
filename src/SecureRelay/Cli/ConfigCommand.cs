using System.CommandLine;
using SecureRelay.Configuration;

namespace SecureRelay.Cli;

/// <summary><c>securerelay config defaults|show|schema</c>: the configuration model as code defines
/// it, like Postfix's <c>postconf -d</c> and <c>postconf -n</c>.</summary>
public static class ConfigCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var defaults = new Command("defaults", "Print every key of securerelay.yaml with its built-in default (like postconf -d).");
        defaults.SetAction(parse =>
        {
            Print(parse, ConfigListing.Defaults());
            return 0;
        });

        var config = CommandLine.ConfigOption();
        var show = new Command("show", "Print the configuration in effect, defaults filled in, secrets redacted (like postconf).") { config };
        show.SetAction(parse =>
        {
            if (CommandLine.LoadSettings(parse, config) is not { } settings)
            {
                return 1;
            }

            Print(parse, ConfigListing.Effective(settings.Config));
            return 0;
        });

        var schema = new Command("schema", "Print the JSON Schema of securerelay.yaml (config/securerelay.schema.json is this output).");
        schema.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.Write(ConfigSchema.Generate());
            return 0;
        });

        return new Command("config", "The configuration model: defaults, values in effect, JSON Schema.") { defaults, show, schema };
    }

    private static void Print(ParseResult parse, IEnumerable<(string Key, string Value)> lines)
    {
        foreach (var (key, value) in lines)
        {
            parse.InvocationConfiguration.Output.WriteLine(value.Length == 0 ? $"{key} =" : $"{key} = {value}");
        }
    }
}
