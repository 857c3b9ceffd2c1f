using System.CommandLine;
using SecureRelay.Configuration;
using SecureRelay.Hosting;
using SecureRelay.Policy.Yaml;

namespace SecureRelay.Cli;

/// <summary><c>securerelay run --config FILE</c>: runs the relay until SIGTERM/SIGINT.</summary>
public static class RunCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var config = CommandLine.ConfigOption();
        var command = new Command("run", "Run the relay in the foreground (systemd Type=notify aware).") { config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            RelaySettings settings;
            try
            {
                settings = RelayConfigLoader.Load(parse.GetValue(config)!);
            }
            catch (ConfigurationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }

            try
            {
                return await RelayHost.RunAsync(settings, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigurationException e)
            {
                // A file named by the configuration (the policy) is wrong: same form, same exit code.
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }
        });
        return command;
    }
}
