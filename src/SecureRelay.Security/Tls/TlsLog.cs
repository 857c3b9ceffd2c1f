using Microsoft.Extensions.Logging;

namespace SecureRelay.Security.Tls;

/// <summary>Source-generated log messages for recipient TLS policy (event ids 4100-4199). Domains and MX hosts only, never addresses.</summary>
internal static partial class TlsLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Debug, Message = "TLS policy for {Domain}: mode {Mode}, MX authenticated {MxAuthenticated}")]
    public static partial void PolicyResolved(ILogger logger, string domain, RecipientTlsMode mode, bool mxAuthenticated);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "DNS lookup {Name} {Type} failed: {Reason}")]
    public static partial void DnsLookupFailed(ILogger logger, string name, string type, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "TLSA records for {MxHost} present but not DNSSEC-authenticated; DANE not applied")]
    public static partial void TlsaNotAuthenticated(ILogger logger, string mxHost);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "MTA-STS policy fetch for {Domain} failed: {Reason}")]
    public static partial void MtaStsFetchFailed(ILogger logger, string domain, string reason);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "MTA-STS policy for {Domain} cached: id {Id}, mode {Mode}, max_age {MaxAge}s")]
    public static partial void MtaStsPolicyCached(ILogger logger, string domain, string id, MtaStsMode mode, long maxAge);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "MTA-STS fetch for {Domain} failed; using cached policy id {Id}")]
    public static partial void MtaStsUsingCached(ILogger logger, string domain, string id);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning, Message = "MTA-STS TXT for {Domain} is malformed or duplicated; treated as absent")]
    public static partial void MtaStsTxtInvalid(ILogger logger, string domain);
}
