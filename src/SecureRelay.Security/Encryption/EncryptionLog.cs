using Microsoft.Extensions.Logging;

namespace SecureRelay.Security.Encryption;

/// <summary>Encryption log lines: file names, fingerprints, domains; never message content.</summary>
internal static partial class EncryptionLog
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "S/MIME certificate directory {Directory} loaded: {Certificates} certificates for {Addresses} addresses")]
    public static partial void SmimeLoaded(ILogger logger, string directory, int certificates, int addresses);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "S/MIME certificate file {File} skipped: {Reason}")]
    public static partial void SmimeFileSkipped(ILogger logger, string file, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "PGP key directory {Directory} loaded: {Keys} usable keys for {Addresses} addresses")]
    public static partial void PgpLoaded(ILogger logger, string directory, int keys, int addresses);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "PGP key file {File} skipped: {Reason}")]
    public static partial void PgpFileSkipped(ILogger logger, string file, string reason);

    // 3204 (a per-lookup "PGP key skipped" line) is retired: refusals are logged once per load (3209).

    // Debug: a message to many recipients makes one lookup each; failures are logged once per domain (3206).
    [LoggerMessage(EventId = 5205, Level = LogLevel.Debug, Message = "WKD lookup for domain {Domain}: {Status}")]
    public static partial void WkdLookup(ILogger logger, string domain, WkdLookupStatus status);

    [LoggerMessage(EventId = 5206, Level = LogLevel.Warning, Message = "WKD lookup for domain {Domain} failed ({Kind}): {Reason}; not asked again for {Minutes} minutes")]
    public static partial void WkdFailed(ILogger logger, string domain, string kind, string reason, int minutes);

    [LoggerMessage(EventId = 5207, Level = LogLevel.Information, Message = "Message encrypted with {Method} for {Count} recipients")]
    public static partial void Encrypted(ILogger logger, string method, int count);

    [LoggerMessage(EventId = 5208, Level = LogLevel.Warning, Message = "S/MIME certificate in {File} (sha256 {Thumbprint}) refused: {Reason}")]
    public static partial void SmimeCertificateRefused(ILogger logger, string file, string thumbprint, string reason);

    [LoggerMessage(EventId = 5209, Level = LogLevel.Warning, Message = "PGP key in {File} (fingerprint {Fingerprint}) refused: {Reason}")]
    public static partial void PgpKeyRefused(ILogger logger, string file, string fingerprint, string reason);
}
