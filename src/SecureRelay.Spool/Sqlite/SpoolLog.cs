using Microsoft.Extensions.Logging;

namespace SecureRelay.Spool.Sqlite;

/// <summary>Every log line the spool writes. Queue ids, counts and key ids only: never content,
/// addresses or replies (they may carry PHI).</summary>
internal static partial class SpoolLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Spool opened: {Messages} queued, {Quarantined} quarantined, {Orphans} unfinished writes discarded, in {ElapsedMs} ms")]
    public static partial void Opened(ILogger logger, long messages, int quarantined, int orphans, long elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Spool record {QueueId} quarantined: {Reason}")]
    public static partial void Quarantined(ILogger logger, string queueId, string reason);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Spool disk low: {FreeBytes} bytes free, minimum {MinFreeBytes}; refusing new messages")]
    public static partial void DiskLow(ILogger logger, long freeBytes, long minFreeBytes);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Spool disk space recovered: {FreeBytes} bytes free; accepting messages again")]
    public static partial void DiskOk(ILogger logger, long freeBytes);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Spool batch of {Operations} operations failed")]
    public static partial void BatchFailed(ILogger logger, int operations, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Spool key {KeyId:x8} created")]
    public static partial void KeyCreated(ILogger logger, uint keyId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Spool key file {Path} is readable by group or others; it should be mode 0600")]
    public static partial void KeyFileTooOpen(ILogger logger, string path);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Spool free-space check failed")]
    public static partial void DiskCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Spool closed after {Batches} batches ({Fsyncs} fsynced), {Operations} operations")]
    public static partial void Closed(ILogger logger, long batches, long fsyncs, long operations);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Spool could not discard the partial write {QueueId}; recovery will remove it")]
    public static partial void DiscardFailed(ILogger logger, string queueId, Exception exception);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Warning, Message = "Spool background checkpoint failed")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);
}
