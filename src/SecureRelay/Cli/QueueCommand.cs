using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using SecureRelay.Hosting;

namespace SecureRelay.Cli;

/// <summary><c>securerelay queue list|show|hold|release|delete|flush</c>: Postfix-style queue tools,
/// talking to the running relay's admin endpoint (the spool has one writer: the relay).</summary>
public static class QueueCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var queue = new Command("queue", "Inspect and manage the running relay's queue (via its admin endpoint).");
        var config = CommandLine.RecursiveConfigOption();
        queue.Add(config);

        var state = new Option<string?>("--state") { Description = "active | deferred | held" };
        var domain = new Option<string?>("--domain") { Description = "only messages with a pending recipient in this domain" };
        var limit = new Option<int>("--limit") { Description = "at most this many", DefaultValueFactory = _ => 1000 };
        var list = new Command("list", "List queued messages (like mailq).") { state, domain, limit };
        list.SetAction(async (parse, ct) => await WithClientAsync(parse, config, async (http, output) =>
        {
            var url = $"api/queue?limit={parse.GetValue(limit).ToString(CultureInfo.InvariantCulture)}"
                + (parse.GetValue(state) is { } s ? $"&state={Uri.EscapeDataString(s)}" : "")
                + (parse.GetValue(domain) is { } d ? $"&domain={Uri.EscapeDataString(d)}" : "");
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative), ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await FailedAsync(parse, response, ct).ConfigureAwait(false);
            }

            var entries = await response.Content.ReadFromJsonAsync<List<QueueEntry>>(AdminEndpoints.Json, ct).ConfigureAwait(false) ?? [];
            foreach (var e in entries)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{e.Id,-16} {e.State,-8} {e.Size,9} {e.ReceivedAt:u}  <{e.Sender}>"));
                foreach (var r in e.Recipients.Where(r => r.State == "pending"))
                {
                    output.WriteLine($"{"",-16} {r.Address}{(r.LastResponse is null ? "" : $" ({r.LastResponse})")}");
                }
            }

            output.WriteLine($"-- {entries.Count} message(s)");
            return 0;
        }).ConfigureAwait(false));
        queue.Add(list);

        queue.Add(IdVerb("show", "Show one message's envelope and states.", config, (http, id, ct) => http.GetAsync(new Uri($"api/queue/{id}", UriKind.Relative), ct)));
        queue.Add(IdVerb("hold", "Hold a message (not delivered until released).", config, (http, id, ct) => http.PostAsync(new Uri($"api/queue/{id}/hold", UriKind.Relative), null, ct)));
        queue.Add(IdVerb("release", "Release a held message, or retry a deferred one now.", config, (http, id, ct) => http.PostAsync(new Uri($"api/queue/{id}/release", UriKind.Relative), null, ct)));
        queue.Add(IdVerb("delete", "Delete a message without a bounce (admin action).", config, (http, id, ct) => http.DeleteAsync(new Uri($"api/queue/{id}", UriKind.Relative), ct)));

        var flush = new Command("flush", "Retry every deferred message now (like postqueue -f).");
        flush.SetAction(async (parse, ct) => await WithClientAsync(parse, config, async (http, output) =>
        {
            using var response = await http.PostAsync(new Uri("api/queue/flush", UriKind.Relative), null, ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return await FailedAsync(parse, response, ct).ConfigureAwait(false);
            }

            output.WriteLine(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            return 0;
        }).ConfigureAwait(false));
        queue.Add(flush);
        return queue;
    }

    private static Command IdVerb(string name, string description, Option<string> config, Func<HttpClient, string, CancellationToken, Task<HttpResponseMessage>> call)
    {
        var id = new Argument<string>("queue-id") { Description = "the queue id (from the log or queue list)" };
        var command = new Command(name, description) { id };
        command.SetAction(async (parse, ct) => await WithClientAsync(parse, config, async (http, output) =>
        {
            using var response = await call(http, Uri.EscapeDataString(parse.GetValue(id)!), ct).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                output.WriteLine($"{parse.GetValue(id)}: not in the queue");
                return 1;
            }

            if (!response.IsSuccessStatusCode)
            {
                return await FailedAsync(parse, response, ct).ConfigureAwait(false);
            }

            output.WriteLine(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            return 0;
        }).ConfigureAwait(false));
        return command;
    }

    private static async Task<int> WithClientAsync(ParseResult parse, Option<string> config, Func<HttpClient, TextWriter, Task<int>> action)
    {
        if (CommandLine.LoadSettings(parse, config) is not { } settings)
        {
            return 1;
        }

        string token;
        try
        {
            token = AdminTokens.ReadFirst(settings.AdminTokenFile);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"cannot read the admin token (admin.token_file): {e.Message}").ConfigureAwait(false);
            return 1;
        }

        using var http = new HttpClient { BaseAddress = new Uri($"http://{settings.AdminEndpoint}/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await action(http, parse.InvocationConfiguration.Output).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync($"cannot reach the relay's admin endpoint {settings.AdminEndpoint}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Reports a refused or failed call (401, 403, 507 …) with the relay's JSON error.</summary>
    private static async Task<int> FailedAsync(ParseResult parse, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        // The body is the relay's short JSON error; bounded anyway, it goes to a terminal.
        await parse.InvocationConfiguration.Error.WriteLineAsync($"admin endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 1000 ? body[..1000] : body).Trim()}").ConfigureAwait(false);
        return 1;
    }
}
