using Microsoft.Extensions.Logging;

namespace SecureRelay.Configuration;

/// <summary>Logging (<c>logging:</c>).</summary>
public sealed class LoggingConfig
{
    /// <summary><c>trace</c> | <c>debug</c> | <c>information</c> | <c>warning</c> | <c>error</c>.</summary>
    public LogLevel Level { get; set; } = LogLevel.Information;

    /// <summary>Checks the section: one (key relative to <c>logging:</c>, message) pair per problem.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (Level is not (LogLevel.Trace or LogLevel.Debug or LogLevel.Information or LogLevel.Warning or LogLevel.Error))
        {
            yield return ("level", "must be trace, debug, information, warning or error");
        }
    }
}
