using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;
using SecureRelay.Spool;

namespace SecureRelay.Hosting;

/// <summary>
/// The admin HTTP endpoint: <c>/metrics</c> (Prometheus), <c>/healthz</c>, and the queue API that
/// <c>securerelay queue …</c> calls (Postfix's mailq/postsuper, over HTTP like KumoMTA's kcli).
/// </summary>
public static class AdminEndpoints
{
    /// <summary>The largest page of queue entries one request returns.</summary>
    public const int MaxListLimit = 10_000;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>True for a queue API request (under <c>/api</c>): the requests <see cref="AdminGuard"/>
    /// authenticates and <see cref="AdminErrors"/> answers failures of; <c>/metrics</c> and
    /// <c>/healthz</c> pass both untouched.</summary>
    internal static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.Ordinal);

    /// <summary>Maps every admin route.</summary>
    public static void Map(IEndpointRouteBuilder app, RelayComponents components)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(components);
        app.MapMetrics("/metrics");
        app.MapGet("/healthz", () => components.Spool.IsLowOnDisk
            ? Results.Text("degraded: spool disk below min_free_bytes\n", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("ok\n"));

        app.MapGet("/api/queue", async (string? state, string? domain, int? limit, CancellationToken ct) =>
        {
            QueueState? parsed = null;
            if (state is not null)
            {
                if (!Enum.TryParse<QueueState>(state, ignoreCase: true, out var s) || !Enum.IsDefined(s))
                {
                    return Results.BadRequest(new { error = "state must be active, deferred or held" });
                }

                parsed = s;
            }

            var query = new SpoolQuery { State = parsed, RecipientDomain = domain, Limit = Math.Clamp(limit ?? 1000, 1, MaxListLimit) };
            var list = new List<QueueEntry>();
            await foreach (var m in components.Spool.EnumerateAsync(query, ct).ConfigureAwait(false))
            {
                list.Add(QueueEntry.From(m));
            }

            return Results.Json(list, Json);
        });

        app.MapGet("/api/queue/counts", async (CancellationToken ct) => Results.Json(await components.Spool.CountAsync(ct).ConfigureAwait(false), Json));

        app.MapGet("/api/queue/{id}", async (string id, CancellationToken ct) =>
            await components.Spool.GetAsync(id, ct).ConfigureAwait(false) is { } m ? Results.Json(QueueEntry.From(m), Json) : Results.NotFound());

        app.MapPost("/api/queue/{id}/hold", async (string id, CancellationToken ct) =>
            await components.Spool.HoldAsync(id, ct).ConfigureAwait(false) ? Results.Ok(new { id, state = "held" }) : Results.NotFound());

        app.MapPost("/api/queue/{id}/release", async (string id, CancellationToken ct) =>
            await components.ReleaseAsync(id, ct).ConfigureAwait(false) ? Results.Ok(new { id, state = "active" }) : Results.NotFound());

        app.MapDelete("/api/queue/{id}", async (string id, CancellationToken ct) =>
            await components.Spool.DeleteAsync(id, ct).ConfigureAwait(false) ? Results.Ok(new { id, state = "deleted" }) : Results.NotFound());

        app.MapPost("/api/queue/flush", async (CancellationToken ct) => Results.Ok(new { released = await components.FlushDeferredAsync(ct).ConfigureAwait(false) }));
    }
}
