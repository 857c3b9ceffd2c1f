namespace SecureRelay.Configuration;

/// <summary>Logging (<c>logging:</c>).</summary>
public sealed class LoggingConfig
{
    /// <summary><c>trace</c> | <c>debug</c> | <c>information</c> | <c>warning</c> | <c>error</c>.</summary>
    public string Level { get; set; } = "information";
}
