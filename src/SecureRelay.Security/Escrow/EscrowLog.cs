using Microsoft.Extensions.Logging;

namespace SecureRelay.Security.Escrow;

/// <summary>Escrow log lines: record ids and counts only, never content or tokens.</summary>
internal static partial class EscrowLog
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Escrow record {Id} stored for domain {Domain}, {Size} bytes, expires {ExpiresAt:o}")]
    public static partial void Stored(ILogger logger, string id, string domain, long size, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Escrow record {Id} opened")]
    public static partial void Opened(ILogger logger, string id);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Escrow open refused: {Outcome}")]
    public static partial void OpenRefused(ILogger logger, EscrowOpenOutcome outcome);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Information, Message = "Escrow purge destroyed {Count} expired records")]
    public static partial void Purged(ILogger logger, int count);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Information, Message = "Escrow record {Id} revoked")]
    public static partial void Revoked(ILogger logger, string id);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Error, Message = "Escrow record {Id} failed authentication (key {KeyId}); content not returned")]
    public static partial void Corrupt(ILogger logger, string id, string keyId);
}
