using System.Net;
using Microsoft.Extensions.Logging;

namespace SecureRelay.Logging;

/// <summary>Host-level log lines (source-generated, stable event ids). Never bodies, subjects or PHI.</summary>
internal static partial class RelayLog
{
    [LoggerMessage(6000, LogLevel.Information, "{QueueId}: client=[{Client}], user={User}, from=<{Sender}>, nrcpt={Recipients}, size={Size}, phi={Phi}, category={Category}, status={Status}")]
    public static partial void Queued(ILogger logger, string queueId, IPAddress client, string? user, string sender, int recipients, long size, bool phi, string category, string status);

    [LoggerMessage(6009, LogLevel.Information, "policy refused a message from [{Client}]: {Code} {EnhancedCode} (phi={Phi}, category={Category})")]
    public static partial void PolicyRefused(ILogger logger, IPAddress client, int code, string enhancedCode, bool phi, string category);

    [LoggerMessage(6010, LogLevel.Information, "policy reloaded from {Path}")]
    public static partial void PolicyReloaded(ILogger logger, string path);

    [LoggerMessage(6011, LogLevel.Error, "policy reload failed, keeping the running policy: {Error}")]
    public static partial void PolicyReloadFailed(ILogger logger, string error);

    [LoggerMessage(6001, LogLevel.Warning, "spool refused a message from [{Client}]: {Reason}")]
    public static partial void SpoolRefused(ILogger logger, IPAddress client, string reason);

    [LoggerMessage(6002, LogLevel.Information, "SecureRelay {Version} started: {Listeners} listener(s), admin on {Admin}, data in {DataDir}")]
    public static partial void Started(ILogger logger, string version, int listeners, string admin, string dataDir);

    [LoggerMessage(6003, LogLevel.Information, "spool recovery: {Messages} message(s) to deliver, {Quarantined} quarantined, in {ElapsedMs} ms")]
    public static partial void Recovered(ILogger logger, long messages, int quarantined, long elapsedMs);

    [LoggerMessage(6004, LogLevel.Warning, "{QueueId}: damaged spool record quarantined (not deleted)")]
    public static partial void Quarantined(ILogger logger, string queueId);

    [LoggerMessage(6005, LogLevel.Warning, "listener {Listener}: no certificate configured; generated a self-signed one at {Path}. Configure certificate_file/key_file for production.")]
    public static partial void SelfSignedCertificate(ILogger logger, string listener, string path);

    [LoggerMessage(6006, LogLevel.Information, "shutting down: stopped accepting; finishing sessions and deliveries")]
    public static partial void ShuttingDown(ILogger logger);

    [LoggerMessage(6007, LogLevel.Information, "shutdown complete; spool flushed")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(6008, LogLevel.Warning, "user {User} may not send as domain of <{Sender}>")]
    public static partial void SenderNotOwned(ILogger logger, string user, string sender);

    [LoggerMessage(6050, LogLevel.Warning, "user {User} from [{Client}]: a From:/Sender: header address is not in the user's sender_domains; message refused")]
    public static partial void HeaderSenderNotOwned(ILogger logger, string user, IPAddress client);

    [LoggerMessage(6051, LogLevel.Warning, "admin API request refused ({Reason}) from [{Client}]: {Method} {Path}")]
    public static partial void AdminRefused(ILogger logger, string reason, IPAddress client, string method, string path);

    [LoggerMessage(6052, LogLevel.Warning, "admin API: storage full during {Method} {Path}: {Reason}")]
    public static partial void AdminStorageFull(ILogger logger, string method, string path, string reason);

    [LoggerMessage(6053, LogLevel.Error, "admin API: {Method} {Path} failed")]
    public static partial void AdminFailed(ILogger logger, string method, string path, Exception error);

    [LoggerMessage(6054, LogLevel.Information, "admin token file created at {Path} (mode 0600)")]
    public static partial void AdminTokenCreated(ILogger logger, string path);

    [LoggerMessage(6055, LogLevel.Information, "tightened permissions of {Count} path(s) under {DataDir} to 0600/0700")]
    public static partial void PermissionsTightened(ILogger logger, int count, string dataDir);
}
