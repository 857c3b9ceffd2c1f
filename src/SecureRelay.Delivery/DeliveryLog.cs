using Microsoft.Extensions.Logging;

namespace SecureRelay.Delivery;

/// <summary>Delivery log lines in Postfix's spirit. Addresses appear as in Postfix logs; never
/// subjects or bodies.</summary>
internal static partial class DeliveryLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "{QueueId}: to=<{Recipient}>, relay={Relay}, delay={Delay:0.##}, dsn={Dsn}, status={Status} ({Response})")]
    public static partial void Recipient(ILogger logger, string queueId, string recipient, string relay, double delay, string dsn, string status, string response);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "{QueueId}: sender non-delivery notification: {DsnQueueId}")]
    public static partial void DsnQueued(ILogger logger, string queueId, string dsnQueueId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "{QueueId}: removed")]
    public static partial void Removed(ILogger logger, string queueId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "connect to {Destination} via {Host}[{Address}]:{Port} failed: {Error}")]
    public static partial void ConnectFailed(ILogger logger, string destination, string host, string address, int port, string error);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "{QueueId}: content unreadable: {Error}")]
    public static partial void ContentUnreadable(ILogger logger, string queueId, string error);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Error, Message = "{QueueId}: recording the attempt failed; will retry from the spool state")]
    public static partial void RecordFailed(ILogger logger, string queueId, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Error, Message = "{QueueId}: writing the non-delivery notification failed")]
    public static partial void DsnFailed(ILogger logger, string queueId, Exception exception);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Information, Message = "delivery scheduler started: {Count} messages loaded from the spool in {Elapsed} ms")]
    public static partial void Loaded(ILogger logger, long count, long elapsed);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Error, Message = "{QueueId}: delivery attempt failed unexpectedly")]
    public static partial void AttemptCrashed(ILogger logger, string queueId, Exception exception);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "{QueueId}: could not load the message for delivery; will retry")]
    public static partial void LoadFailed(ILogger logger, string queueId, Exception exception);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Critical, Message = "delivery background task failed")]
    public static partial void BackgroundFailed(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "{QueueId}: no non-delivery notification: sender address unusable ({Error})")]
    public static partial void DsnImpossible(ILogger logger, string queueId, string error);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Warning, Message = "{QueueId}: PGP key lookup for recipient #{Index} failed: {Error}")]
    public static partial void KeyLookupFailed(ILogger logger, string queueId, int index, string error);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Error, Message = "{QueueId}: {Method} protection failed: {Error}")]
    public static partial void ProtectionFailed(ILogger logger, string queueId, string method, string error);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Error, Message = "{QueueId}: escrow for recipient #{Index} failed: {Error}")]
    public static partial void EscrowFailed(ILogger logger, string queueId, int index, string error);

    [LoggerMessage(EventId = 4016, Level = LogLevel.Information, Message = "{QueueId}: recipient #{Index} escrowed as {EscrowId}; notice {NoticeQueueId}")]
    public static partial void Escrowed(ILogger logger, string queueId, int index, string escrowId, string noticeQueueId);

    [LoggerMessage(EventId = 4018, Level = LogLevel.Error, Message = "{QueueId}: content cannot be parsed ({Error}); bounced with 5.6.0 instead of retried")]
    public static partial void ContentUnparseable(ILogger logger, string queueId, string error);

    [LoggerMessage(EventId = 4017, Level = LogLevel.Critical, Message = "{QueueId}: writing the security audit record failed")]
    public static partial void AuditFailed(ILogger logger, string queueId, Exception exception);
}
