using System.CommandLine;
using SecureRelay.Configuration;
using SecureRelay.Policy;
using SecureRelay.Policy.Yaml;

namespace SecureRelay.Cli;

/// <summary><c>securerelay check --config FILE</c>: validates configuration; exit 1 with
/// <c>file:line:col: reason</c> when it is wrong.</summary>
public static class CheckCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var command = new Command("check", "Validate the configuration (and the policy it names) without starting.") { config };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(config)!;
            try
            {
                var settings = RelayConfigLoader.Load(path);
                parse.InvocationConfiguration.Output.WriteLine($"{path}: OK ({settings.Listeners.Count} listener(s), {settings.Raw.Routes.Count} route(s))");
                if (settings.PolicyFile is { } policyFile)
                {
                    var policy = PolicyCompiler.Load(policyFile);
                    parse.InvocationConfiguration.Output.WriteLine($"{policyFile}: OK ({policy.Rules.Count} rule(s), {policy.Domains.Count} domain(s))");
                }
                return 0;
            }
            catch (ConfigurationException e)
            {
                parse.InvocationConfiguration.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }
}
