using Microsoft.Extensions.Logging;

namespace SecureRelay.Security.Dkim;

/// <summary>DKIM log lines (domains and selectors only).</summary>
internal static partial class DkimLog
{
    [LoggerMessage(EventId = 5400, Level = LogLevel.Information, Message = "DKIM key loaded for domain {Domain} selector {Selector} ({Algorithm})")]
    public static partial void KeyLoaded(ILogger logger, string domain, string selector, DkimKeyAlgorithm algorithm);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Debug, Message = "No DKIM key for From domain {Domain}; message left unsigned")]
    public static partial void NoKey(ILogger logger, string domain);
}
