using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SecureRelay.Logging;
using SecureRelay.Metrics;

namespace SecureRelay.Hosting;

/// <summary>
/// Guards the admin API (<c>/api/…</c>): the <c>Host:</c> must name this endpoint (its address, a
/// loopback name or an <c>admin.allowed_hosts</c> entry) and an <c>Origin:</c>, when a browser sends
/// one, must too — otherwise 403, which stops DNS rebinding and cross-site POSTs from a browser on
/// the same machine; then <c>Authorization: Bearer</c> must carry a token from the token file,
/// otherwise 401. <c>/metrics</c> and <c>/healthz</c> stay open. Every refusal is counted by reason
/// and logged without the presented token.
/// </summary>
public sealed class AdminGuard
{
    /// <summary>Refusal reasons (the metric's label values).</summary>
    public static readonly IReadOnlyList<string> Reasons = ["missing_token", "invalid_token", "foreign_host", "foreign_origin"];

    private readonly AdminTokens _tokens;
    private readonly IPEndPoint _endpoint;
    private readonly HashSet<string> _hosts;
    private readonly RelayMetrics _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates the guard.</summary>
    public AdminGuard(AdminTokens tokens, IPEndPoint endpoint, IEnumerable<string> allowedHosts, RelayMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(allowedHosts);
        _tokens = tokens;
        _endpoint = endpoint;
        _hosts = new HashSet<string>(allowedHosts.Select(h => h.TrimEnd('.')), StringComparer.OrdinalIgnoreCase) { "localhost" };
        _metrics = metrics;
        _logger = logger;
        foreach (var reason in Reasons)
        {
            // Present at 0 from the start, so an alert on its rate works before the first failure.
            _metrics.AdminAuthFailures.WithLabels(reason);
        }
    }

    /// <summary>The middleware: answers 403/401 itself, otherwise calls <paramref name="next"/>.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!AdminEndpoints.IsApiRequest(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var reason = Check(context.Request);
        if (reason is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        _metrics.AdminAuthFailures.WithLabels(reason).Inc();
        RelayLog.AdminRefused(_logger, reason, context.Connection.RemoteIpAddress ?? IPAddress.None, context.Request.Method, context.Request.Path.Value ?? "");
        var status = reason is "foreign_host" or "foreign_origin" ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = reason == "missing_token" ? "Bearer" : "Bearer error=\"invalid_token\"";
        }

        await Results.Json(new { error = reason == "missing_token" ? "authorization required" : reason.Replace('_', ' ') }, statusCode: status).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The refusal reason, or null when the request may proceed.</summary>
    private string? Check(HttpRequest request)
    {
        if (!IsOwnHost(request.Host.Host))
        {
            return "foreign_host";
        }

        if (request.Headers.Origin.Count > 0)
        {
            // Browsers send Origin on cross-origin requests and on every POST/DELETE; the CLI never does.
            var origin = request.Headers.Origin.ToString();
            if (request.Headers.Origin.Count > 1 || !Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !IsOwnHost(uri.Host))
            {
                return "foreign_origin";
            }
        }

        var authorization = request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            return "missing_token";
        }

        var value = authorization.ToString();
        const string Scheme = "Bearer ";
        if (authorization.Count > 1 || !value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || !_tokens.IsValid(value[Scheme.Length..].Trim()))
        {
            return "invalid_token";
        }

        return null;
    }

    private bool IsOwnHost(string host)
    {
        if (host.Length == 0)
        {
            return false;
        }

        // Uri and HostString keep IPv6 literals in brackets.
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(bare, out var address))
        {
            // A rebinding page always names the attacker's host; an address literal only reaches this
            // listener if it is one of ours, so it is fine whenever it matches the binding.
            return IPAddress.IsLoopback(address)
                || address.Equals(_endpoint.Address)
                || _endpoint.Address.Equals(IPAddress.Any)
                || _endpoint.Address.Equals(IPAddress.IPv6Any)
                || _hosts.Contains(bare);
        }

        return _hosts.Contains(bare.TrimEnd('.'));
    }
}
