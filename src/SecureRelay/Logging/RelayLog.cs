using System.Net;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Logging;

/// <summary>Host-level log lines (source-generated, stable event ids). Never bodies, subjects or PHI.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(1000, LogLevel.Information, "{QueueId}: client=[{Client}], user={User}, from=<{Sender}>, nrcpt={Recipients}, size={Size}, phi={Phi}, category={Category}, status={Status}")]
    public static partial void Queued(ILogger logger, string queueId, IPAddress client, string? user, string sender, int recipients, long size, bool phi, string category, string status);

    [LoggerMessage(1009, LogLevel.Information, "policy refused a message from [{Client}]: {Code} {EnhancedCode} (phi={Phi}, category={Category})")]
    public static partial void PolicyRefused(ILogger logger, IPAddress client, int code, string enhancedCode, bool phi, string category);

    [LoggerMessage(1012, LogLevel.Information, "refused a message from [{Client}]: 554 5.6.0 content cannot be parsed ({Error})")]
    public static partial void MessageUnparseable(ILogger logger, IPAddress client, string error);

    [LoggerMessage(1010, LogLevel.Information, "policy reloaded from {Path}")]
    public static partial void PolicyReloaded(ILogger logger, string path);

    [LoggerMessage(1011, LogLevel.Error, "policy reload failed, keeping the running policy: {Error}")]
    public static partial void PolicyReloadFailed(ILogger logger, string error);

    [LoggerMessage(1001, LogLevel.Warning, "spool refused a message from [{Client}]: {Reason}")]
    public static partial void SpoolRefused(ILogger logger, IPAddress client, string reason);

    [LoggerMessage(1002, LogLevel.Information, "SecureRelay {Version} started: {Listeners} listener(s), admin on {Admin}, data in {DataDir}")]
    public static partial void Started(ILogger logger, string version, int listeners, string admin, string dataDir);

    [LoggerMessage(1003, LogLevel.Information, "spool recovery: {Messages} message(s) to deliver, {Quarantined} quarantined, in {ElapsedMs} ms")]
    public static partial void Recovered(ILogger logger, long messages, int quarantined, long elapsedMs);

    [LoggerMessage(1004, LogLevel.Warning, "{QueueId}: damaged spool record quarantined (not deleted)")]
    public static partial void Quarantined(ILogger logger, string queueId);

    [LoggerMessage(1005, LogLevel.Warning, "listener {Listener}: no certificate configured; generated a self-signed one at {Path}. Configure certificate_file/key_file for production.")]
    public static partial void SelfSignedCertificate(ILogger logger, string listener, string path);

    [LoggerMessage(1006, LogLevel.Information, "shutting down: stopped accepting; finishing sessions and deliveries")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(1007, LogLevel.Information, "shutdown complete; spool flushed")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(1008, LogLevel.Warning, "user {User} may not send as domain of <{Sender}>")]
    public static partial void SenderNotOwned(ILogger logger, string user, string sender);
}
