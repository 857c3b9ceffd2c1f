using Microsoft.Extensions.Logging;

namespace SecureRelay.Policy;

/// <summary>Log events of the policy component (ids 3000–3099). Never message content.</summary>
internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Policy loaded from {Source}: {Rules} rules, {Domains} domains")]
    public static partial void PolicyLoaded(ILogger logger, string source, int rules, int domains);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Policy reload failed, keeping the running policy: {Reason}")]
    public static partial void ReloadFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "No policy file configured; using the built-in policy")]
    public static partial void BuiltInPolicy(ILogger logger);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Policy evaluation failed ({Step}); the message is deferred with 451 4.3.0")]
    public static partial void EvaluationFailed(ILogger logger, string step, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Policy file watcher error; reload on SIGHUP still works")]
    public static partial void WatcherError(ILogger logger, Exception exception);
}
