namespace SecureRelay.Configuration;

/// <summary>Inbound SMTP limits (<c>limits:</c>). Unset keys keep the built-in defaults (Postfix's where
/// Postfix has one); see the README for each reply code.</summary>
public sealed class LimitsConfig
{
    /// <summary>Largest message in bytes (enforced on bytes received).</summary>
    public long? MaxMessageSize { get; set; }

    /// <summary>Recipients per message.</summary>
    public int? MaxRecipients { get; set; }

    /// <summary>Longest command or text line in bytes.</summary>
    public int? MaxLineLength { get; set; }

    /// <summary>Largest header section in bytes.</summary>
    public int? MaxHeaderSize { get; set; }

    /// <summary>Idle time allowed between commands, e.g. <c>300s</c>.</summary>
    public string? CommandTimeout { get; set; }

    /// <summary>Idle time allowed while receiving DATA/BDAT content.</summary>
    public string? DataTimeout { get; set; }

    /// <summary>Minimum average bytes per second while receiving content (0 = off).</summary>
    public int? MinDataRate { get; set; }

    /// <summary>Concurrent connections per client IP.</summary>
    public int? MaxConnectionsPerIp { get; set; }

    /// <summary>Bad commands before <c>421</c> and disconnect.</summary>
    public int? MaxBadCommands { get; set; }

    /// <summary>Failed AUTH attempts per client IP per window before AUTH is refused.</summary>
    public int? MaxAuthFailures { get; set; }

    /// <summary>Failed AUTH attempts per user name (from any IP) per window before AUTH as that user is refused.</summary>
    public int? MaxAuthFailuresPerUser { get; set; }

    /// <summary>Open inbound connections over all listeners; past it <c>421</c> at connect.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>Command timeout while more than 80% of <c>max_connections</c> are open, e.g. <c>10s</c>.</summary>
    public string? StressCommandTimeout { get; set; }

    /// <summary><c>normalize</c> (default) or <c>reject</c> bare CR/LF in message content.</summary>
    public string? BareLineEndings { get; set; }
}
