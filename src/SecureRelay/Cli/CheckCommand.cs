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
                parse.InvocationConfiguration.Output.WriteLine($"{path}: OK ({settings.Listeners.Count} listener(s), {settings.Config.Routes.Count} route(s))");
                foreach (var warning in ExposureWarnings(settings))
                {
                    parse.InvocationConfiguration.Error.WriteLine($"{path}: warning: {warning}");
                }

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

    /// <summary>Bindings that expose plaintext beyond this machine: a listener without TLS, or the
    /// admin endpoint (plain HTTP carrying its bearer token), on a non-loopback address.</summary>
    public static IEnumerable<string> ExposureWarnings(RelaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        foreach (var listener in settings.Listeners)
        {
            if (listener.Tls == Smtp.SmtpTlsMode.None && !System.Net.IPAddress.IsLoopback(listener.Endpoint!.Address))
            {
                yield return $"listener {listener.Name} binds {listener.Endpoint} (not loopback) with tls: none; mail crosses the network in plaintext";
            }
        }

        if (!System.Net.IPAddress.IsLoopback(settings.AdminEndpoint.Address))
        {
            yield return $"admin.endpoint binds {settings.AdminEndpoint} (not loopback); the admin API has no TLS, so its bearer token and queue data cross the network in plaintext (keep it on loopback or a management network behind a TLS proxy)";
        }
    }
}
