using System.CommandLine;
using SecureRelay.Security.Dkim;

namespace SecureRelay.Cli;

/// <summary><c>securerelay dkim keygen</c>: makes a signing key (0600) and prints the DNS TXT record.</summary>
public static class DkimCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var domain = new Option<string>("--domain") { Description = "signing domain (d=)", Required = true };
        var selector = new Option<string>("--selector") { Description = "selector (s=)", Required = true };
        var output = new Option<string>("--out") { Description = "directory for SELECTOR.private and SELECTOR.txt", DefaultValueFactory = _ => "." };
        var algorithm = new Option<string>("--algorithm") { Description = "rsa | ed25519", DefaultValueFactory = _ => "rsa" };
        algorithm.AcceptOnlyFromAmong("rsa", "ed25519");
        var bits = new Option<int>("--bits") { Description = "RSA key size", DefaultValueFactory = _ => 2048 };
        var keygen = new Command("keygen", "Generate a DKIM key and print its DNS record.") { domain, selector, output, algorithm, bits };
        keygen.SetAction(parse =>
        {
            try
            {
                var result = DkimKeyGenerator.Generate(
                    parse.GetValue(domain)!,
                    parse.GetValue(selector)!,
                    parse.GetValue(output)!,
                    parse.GetValue(algorithm) == "ed25519" ? DkimKeyAlgorithm.Ed25519 : DkimKeyAlgorithm.Rsa,
                    parse.GetValue(bits));
                parse.InvocationConfiguration.Output.WriteLine($"private key: {result.PrivateKeyPath}");
                parse.InvocationConfiguration.Output.WriteLine($"DNS record ({result.DnsRecordPath}):");
                parse.InvocationConfiguration.Output.WriteLine($"{result.DnsName} IN TXT \"{result.DnsValue}\"");
                return 0;
            }
            catch (ArgumentException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return new Command("dkim", "DKIM signing keys.") { keygen };
    }
}
