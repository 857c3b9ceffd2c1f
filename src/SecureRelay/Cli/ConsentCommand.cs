using System.CommandLine;
using System.Globalization;
using SecureRelay.Policy.Stores;

namespace SecureRelay.Cli;

/// <summary><c>securerelay consent add|revoke|list|import</c>: recorded authorizations for marketing
/// that carries PHI (without one, such a message is refused with <c>550 5.7.1</c>).</summary>
public static class ConsentCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var config = CommandLine.RecursiveConfigOption();
        var consent = new Command("consent", "Manage recorded marketing authorizations (HIPAA §164.508).") { config };
        var scope = new Option<string>("--scope") { Description = "authorization scope", DefaultValueFactory = _ => "marketing" };

        var address = new Argument<string>("address") { Description = "recipient address" };
        var expires = new Option<DateTimeOffset?>("--expires") { Description = "expiry (ISO 8601), if the authorization has one" };
        var source = new Option<string?>("--source") { Description = "where the authorization is on file (form id, system)" };
        var add = new Command("add", "Record an authorization.") { address, scope, expires, source };
        add.SetAction(parse => WithStore(parse, config, store =>
        {
            var id = store.Add(parse.GetValue(address)!, parse.GetValue(scope)!, null, parse.GetValue(expires), parse.GetValue(source));
            parse.InvocationConfiguration.Output.WriteLine($"recorded consent #{id.ToString(CultureInfo.InvariantCulture)}");
            return 0;
        }));

        var revokeAddress = new Argument<string>("address") { Description = "recipient address" };
        var revoke = new Command("revoke", "Revoke every current authorization of an address in a scope.") { revokeAddress, scope };
        revoke.SetAction(parse => WithStore(parse, config, store =>
        {
            var n = store.Revoke(parse.GetValue(revokeAddress)!, parse.GetValue(scope)!);
            parse.InvocationConfiguration.Output.WriteLine($"revoked {n.ToString(CultureInfo.InvariantCulture)} authorization(s)");
            return n > 0 ? 0 : 1;
        }));

        var filter = new Argument<string?>("address") { Description = "only this address", Arity = ArgumentArity.ZeroOrOne };
        var list = new Command("list", "List authorizations.") { filter };
        list.SetAction(parse => WithStore(parse, config, store =>
        {
            foreach (var r in store.List(parse.GetValue(filter)))
            {
                parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id,6} {r.Recipient} scope={r.Scope} granted={r.GrantedAt:u} expires={r.ExpiresAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"} revoked={r.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"} source={r.Source ?? "-"}"));
            }

            return 0;
        }));

        var file = new Argument<string>("file") { Description = "CSV: recipient[,scope[,granted_at[,expires_at[,source]]]]" };
        var import = new Command("import", "Import authorizations from a CSV file.") { file, scope };
        import.SetAction(parse => WithStore(parse, config, store =>
        {
            using var reader = File.OpenText(parse.GetValue(file)!);
            return CommandLine.ReportImport(parse, store.Import(reader, parse.GetValue(scope)!, Path.GetFileName(parse.GetValue(file))));
        }));

        consent.Add(add);
        consent.Add(revoke);
        consent.Add(list);
        consent.Add(import);
        return consent;
    }

    private static int WithStore(ParseResult parse, Option<string> config, Func<ConsentStore, int> action) =>
        CommandLine.WithSettings(parse, config, settings => action(new ConsentStore(settings.ConsentDb)));
}
