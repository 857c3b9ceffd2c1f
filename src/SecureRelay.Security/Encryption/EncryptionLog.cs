using Microsoft.Extensions.Logging;

namespace SecureRelay.Security.Encryption;

/// <summary>Encryption log lines: file names, fingerprints, domains; never message content.</summary>
internal static partial class EncryptionLog
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "S/MIME certificate directory {Directory} loaded: {Certificates} certificates for {Addresses} addresses")]
    public static partial void SmimeLoaded(ILogger logger, string directory, int certificates, int addresses);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "S/MIME certificate file {File} skipped: {Reason}")]
    public static partial void SmimeFileSkipped(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "PGP key directory {Directory} loaded: {Keys} usable keys for {Addresses} addresses")]
    public static partial void PgpLoaded(ILogger logger, string directory, int keys, int addresses);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Warning, Message = "PGP key file {File} skipped: {Reason}")]
    public static partial void PgpFileSkipped(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 3204, Level = LogLevel.Debug, Message = "PGP key {Fingerprint} skipped: {Reason}")]
    public static partial void PgpKeySkipped(ILogger logger, string fingerprint, string reason);

    [LoggerMessage(EventId = 3205, Level = LogLevel.Information, Message = "WKD lookup for domain {Domain}: {Status}")]
    public static partial void WkdLookup(ILogger logger, string domain, WkdLookupStatus status);

    [LoggerMessage(EventId = 3206, Level = LogLevel.Warning, Message = "WKD lookup for domain {Domain} failed: {Reason}")]
    public static partial void WkdFailed(ILogger logger, string domain, string reason);

    [LoggerMessage(EventId = 3207, Level = LogLevel.Information, Message = "Message encrypted with {Method} for {Count} recipients")]
    public static partial void Encrypted(ILogger logger, string method, int count);
}
