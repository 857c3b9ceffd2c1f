using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SecureRelay.Logging;
using SecureRelay.Spool;

namespace SecureRelay.Hosting;

/// <summary>
/// Turns failures of admin API calls into precise JSON replies instead of a bare 500: a full disk
/// (the spool's <see cref="SpoolException.IsOutOfSpace"/>, SQLITE_FULL, ENOSPC/EDQUOT) is
/// <c>507 Insufficient Storage</c>, any other spool failure <c>503</c>; a bug is logged with its
/// stack trace and answered <c>500</c> with no detail (the trace stays in the log, never in a reply).
/// </summary>
public sealed class AdminErrors
{
    private const int SqliteFull = 13;
    private const int Enospc = 28;
    private const int Edquot = 122;

    private readonly ILogger _logger;

    /// <summary>Creates the middleware.</summary>
    public AdminErrors(ILogger logger) => _logger = logger;

    /// <summary>Runs <paramref name="next"/>, mapping its failures for <c>/api</c> requests.</summary>
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!AdminEndpoints.IsApiRequest(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        int status;
        string error;
        try
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && IsStorageFull(e))
        {
            RelayLog.AdminStorageFull(_logger, context.Request.Method, context.Request.Path.Value ?? "", e.Message);
            status = StatusCodes.Status507InsufficientStorage;
            error = "insufficient storage: the spool's disk is full; free space and retry";
        }
        catch (SpoolException e) when (!context.Response.HasStarted)
        {
            RelayLog.AdminFailed(_logger, context.Request.Method, context.Request.Path.Value ?? "", e);
            status = StatusCodes.Status503ServiceUnavailable;
            error = "spool unavailable: " + e.Message;
        }
        catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            // A bug: logged in full here, answered without detail (no stack trace to the client).
            RelayLog.AdminFailed(_logger, context.Request.Method, context.Request.Path.Value ?? "", e);
            status = StatusCodes.Status500InternalServerError;
            error = "internal error; see the relay's log";
        }

        context.Response.Clear();
        await Results.Json(new { error }, statusCode: status).ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="error"/> (or an exception inside it) says the disk is full.</summary>
    public static bool IsStorageFull(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SpoolException { IsOutOfSpace: true }:
                case SqliteException { SqliteErrorCode: SqliteFull }:
                // On Unix an IOException's HResult is the errno.
                case IOException io when !OperatingSystem.IsWindows() && io.HResult is Enospc or Edquot:
                case IOException io2 when OperatingSystem.IsWindows() && (io2.HResult & 0xFFFF) is 0x27 or 0x70:
                    return true;
            }
        }

        return false;
    }
}
