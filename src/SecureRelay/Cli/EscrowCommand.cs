using System.CommandLine;
using System.Globalization;
using SecureRelay.Security.Escrow;

namespace SecureRelay.Cli;

/// <summary><c>securerelay escrow list|show</c>: messages held in escrow for recipients (metadata
/// only; content is readable only through the portal with the recipient's token).</summary>
public static class EscrowCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var config = CommandLine.RecursiveConfigOption();
        var escrow = new Command("escrow", "Inspect the escrow store.") { config };

        var status = new Option<string?>("--status") { Description = "pending | read | expired | revoked" };
        var limit = new Option<int>("--limit") { Description = "at most this many", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "List escrowed messages (newest first).") { status, limit };
        list.SetAction(parse => WithStore(parse, config, store =>
        {
            EscrowStatus? filter = null;
            if (parse.GetValue(status) is { } s)
            {
                if (!Enum.TryParse<EscrowStatus>(s, ignoreCase: true, out var parsed))
                {
                    parse.InvocationConfiguration.Error.WriteLine("--status must be pending, read, expired or revoked");
                    return 1;
                }

                filter = parsed;
            }

            var records = store.List(filter, parse.GetValue(limit));
            foreach (var r in records)
            {
                parse.InvocationConfiguration.Output.WriteLine(Format(r));
            }

            parse.InvocationConfiguration.Output.WriteLine($"-- {records.Count} record(s)");
            return 0;
        }));

        var id = new Argument<string>("id") { Description = "escrow id" };
        var show = new Command("show", "Show one escrowed message's metadata.") { id };
        show.SetAction(parse => WithStore(parse, config, store =>
        {
            if (store.Show(parse.GetValue(id)!) is not { } r)
            {
                parse.InvocationConfiguration.Error.WriteLine($"{parse.GetValue(id)}: no such escrow record");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(Format(r));
            return 0;
        }));

        escrow.Add(list);
        escrow.Add(show);
        return escrow;
    }

    private static string Format(EscrowRecordInfo r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Id} {r.Status.ToString().ToLowerInvariant(),-8} to={r.Recipient} from-domain={r.SenderDomain ?? "-"} size={r.SizeBytes} created={r.CreatedAt:u} expires={r.ExpiresAt:u} read={r.ReadAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"} key={r.KeyId}");

    private static int WithStore(ParseResult parse, Option<string> config, Func<EscrowStore, int> action) =>
        CommandLine.WithSettings(parse, config, settings => action(new EscrowStore(settings.Config.Escrow)));
}
