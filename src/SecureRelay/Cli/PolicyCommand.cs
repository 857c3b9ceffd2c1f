using System.CommandLine;
using MimeKit;
using SecureRelay.Contracts;
using SecureRelay.Policy;
using SecureRelay.Policy.Stores;
using SecureRelay.Policy.Yaml;
using SecureRelay.Security.Encryption;

namespace SecureRelay.Cli;

/// <summary><c>securerelay policy test MESSAGE.eml --to ADDRESS…</c>: classification, detectors, the
/// matching rule and the method each recipient would get and why — without sending anything.</summary>
public static class PolicyCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var config = CommandLine.RecursiveConfigOption();
        var message = new Argument<string>("message") { Description = "an RFC 5322 message file (.eml)" };
        var to = new Option<string[]>("--to") { Description = "recipient address(es)", Required = true, AllowMultipleArgumentsPerToken = true };
        var from = new Option<string?>("--from") { Description = "envelope sender (default: the From: header)" };
        var user = new Option<string?>("--user") { Description = "the SMTP AUTH user the application would log in as" };
        var test = new Command("test", "Show what the policy decides for a message, without sending it.") { message, to, from, user };
        test.SetAction(async (parse, ct) =>
        {
            if (CommandLine.LoadSettings(parse, config) is not { } settings)
            {
                return 1;
            }

            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetValue(message)!;
            if (!File.Exists(path))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"{path}: no such file").ConfigureAwait(false);
                return 1;
            }

            PolicyStore store;
            try
            {
                store = new PolicyStore(settings.PolicyFile);
            }
            catch (ConfigurationException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 1;
            }

            var recipients = parse.GetValue(to)!;
            var sender = parse.GetValue(from) ?? SenderOf(path);
            var engine = new PolicyEngine(store, new ConsentStore(settings.ConsentDb), new SuppressionList(settings.SuppressionDb));
            PolicyDecision decision;
            await using (var stream = File.OpenRead(path))
            {
                var facts = await engine.AnalyzeAsync(stream, new MessageEnvelope(sender, parse.GetValue(user), stream.Length), false, ct).ConfigureAwait(false);
                decision = engine.Evaluate(facts, recipients);
            }

            await output.WriteLineAsync($"policy: {settings.PolicyFile ?? "(built-in default)"}").ConfigureAwait(false);
            await output.WriteAsync(decision.Format()).ConfigureAwait(false);

            if (decision.Rejection is null)
            {
                using var certificates = new SmimeCertificateDirectory(Static(settings.Config.Smime));
                using var keys = new PgpKeyDirectory(Static(settings.Config.Pgp));
                foreach (var r in decision.Recipients)
                {
                    await output.WriteLineAsync($"method for {r.Recipient}:").ConfigureAwait(false);
                    foreach (var line in ExplainMethods(r, certificates, keys))
                    {
                        await output.WriteLineAsync("  " + line).ConfigureAwait(false);
                    }
                }
            }

            return 0;
        });
        return new Command("policy", "Work with the policy.") { config, test };
    }

    /// <summary>Walks a recipient's ordered methods the way delivery does, saying for each whether
    /// it is possible and stopping at the first that certainly is. TLS methods depend on the MX at
    /// delivery time (STARTTLS, certificate validation), which a dry run does not probe.</summary>
    internal static IEnumerable<string> ExplainMethods(RecipientDecision r, SmimeCertificateDirectory certificates, PgpKeyDirectory keys)
    {
        foreach (var method in r.Methods)
        {
            switch (method)
            {
                case DeliveryMethod.Smime when certificates.Lookup(r.Recipient) is { Certificate: { } cert }:
                    yield return $"=> smime: certificate {cert.Thumbprint} valid until {cert.NotAfter:yyyy-MM-dd}";
                    yield break;
                case DeliveryMethod.Smime:
                    // The same reason names the audit record's skipped entry carries.
                    yield return $"   smime: {certificates.Lookup(r.Recipient).Problem} (smime.certificates_dir)";
                    break;
                case DeliveryMethod.Pgp when keys.Lookup(r.Recipient) is { Key: { } key }:
                    yield return $"=> pgp: key {key.Fingerprint} ({key.Source})";
                    yield break;
                case DeliveryMethod.Pgp:
                    yield return $"   pgp: {keys.Lookup(r.Recipient).Problem} (pgp.keys_dir; the Web Key Directory is also asked at delivery)";
                    break;
                case DeliveryMethod.TlsVerified:
                    yield return "?? tls-verified: if the MX offers STARTTLS (TLS 1.2+) and its certificate validates by DANE, MTA-STS or PKIX; otherwise the next method";
                    break;
                case DeliveryMethod.Tls:
                    yield return "?? tls: if the MX offers STARTTLS (TLS 1.2+); otherwise the next method";
                    break;
                case DeliveryMethod.Escrow:
                    yield return "=> escrow: always possible (the recipient gets a notice without PHI and reads it in the portal)";
                    yield break;
                case DeliveryMethod.Opportunistic:
                    yield return "=> opportunistic: TLS if offered, else plaintext";
                    yield break;
            }
        }

        yield return "!! no method is certain: delivery defers (and finally bounces) rather than send without protection";
    }

    private static string SenderOf(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var headers = HeaderList.Load(stream);
            return headers[HeaderId.From] is { } from && InternetAddressList.TryParse(from, out var list) && list.Mailboxes.FirstOrDefault() is { } mailbox
                ? mailbox.Address
                : "";
        }
        catch (FormatException)
        {
            return "";
        }
    }

    // A dry run reads the directories once; it does not need to watch them.
    private static SmimeOptions Static(SmimeOptions o) => new() { CertificatesDir = o.CertificatesDir, ReloadOnChange = false };

    private static PgpOptions Static(PgpOptions o) => new() { KeysDir = o.KeysDir, ReloadOnChange = false, Wkd = new WkdOptions { Enabled = false } };
}
