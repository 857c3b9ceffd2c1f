using System.CommandLine;
using System.Globalization;
using SecureRelay.Policy.Stores;

namespace SecureRelay.Cli;

/// <summary><c>securerelay suppress add|remove|list|import</c>: the marketing suppression list
/// (addresses or <c>@domain</c>).</summary>
public static class SuppressCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var config = CommandLine.RecursiveConfigOption();
        var suppress = new Command("suppress", "Manage the marketing suppression list.") { config };

        var entry = new Argument<string>("entry") { Description = "an address, or @domain" };
        var reason = new Option<string?>("--reason") { Description = "why (kept with the entry)" };
        var add = new Command("add", "Suppress marketing to an address or domain.") { entry, reason };
        add.SetAction(parse => WithList(parse, config, list =>
        {
            var added = list.Add(parse.GetValue(entry)!, parse.GetValue(reason));
            parse.InvocationConfiguration.Output.WriteLine(added ? "added" : "already suppressed");
            return 0;
        }));

        var removeEntry = new Argument<string>("entry") { Description = "an address, or @domain" };
        var remove = new Command("remove", "Remove an entry.") { removeEntry };
        remove.SetAction(parse => WithList(parse, config, list =>
        {
            var removed = list.Remove(parse.GetValue(removeEntry)!);
            parse.InvocationConfiguration.Output.WriteLine(removed ? "removed" : "not on the list");
            return removed ? 0 : 1;
        }));

        var show = new Command("list", "List entries.");
        show.SetAction(parse => WithList(parse, config, list =>
        {
            foreach (var e in list.List())
            {
                parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Entry} added={e.AddedAt:u} reason={e.Reason ?? "-"}"));
            }

            return 0;
        }));

        var file = new Argument<string>("file") { Description = "CSV: entry[,reason]" };
        var import = new Command("import", "Import entries from a CSV file.") { file };
        import.SetAction(parse => WithList(parse, config, list =>
        {
            using var reader = File.OpenText(parse.GetValue(file)!);
            return CommandLine.ReportImport(parse, list.Import(reader));
        }));

        suppress.Add(add);
        suppress.Add(remove);
        suppress.Add(show);
        suppress.Add(import);
        return suppress;
    }

    private static int WithList(ParseResult parse, Option<string> config, Func<SuppressionList, int> action) =>
        CommandLine.WithSettings(parse, config, settings => action(new SuppressionList(settings.SuppressionDb)));
}
