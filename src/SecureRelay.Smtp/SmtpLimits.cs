using System.Runtime.Serialization;

namespace SecureRelay.Smtp;

/// <summary>
/// Every limit the SMTP server enforces, in one place; bound from the <c>limits:</c> section of
/// <c>securerelay.yaml</c> (the YAML key is the <see cref="DataMemberAttribute"/> name, or the property's
/// snake_case name; <see cref="IgnoreDataMemberAttribute"/> marks settings that have no key). Defaults follow Postfix (<c>smtpd_*</c>,
/// <c>line_length_limit</c>, <c>message_size_limit</c>) and RFC 5321 §4.5.3. All byte limits are
/// enforced on bytes received, never on what the client declares.
/// </summary>
public sealed class SmtpLimits
{
    private int? _commandLineLength;
    private int? _dataLineLength;

    /// <summary>Longest command or text line in bytes (<c>max_line_length</c>, Postfix
    /// <c>line_length_limit</c> 2048); the default of <see cref="CommandLineLength"/> and
    /// <see cref="DataLineLength"/>.</summary>
    [DataMember(Name = "max_line_length")]
    public int LineLength { get; set; } = 2048;

    /// <summary>Longest command line accepted, without CRLF. RFC 5321 §4.5.3.1.4 requires at least 512;
    /// ESMTP parameters (SIZE, DSN, AUTH) need more, so <see cref="LineLength"/> unless set.
    /// Longer lines get <c>500 5.5.2</c>.</summary>
    [IgnoreDataMember]
    public int CommandLineLength { get => _commandLineLength ?? LineLength; set => _commandLineLength = value; }

    /// <summary>Longest line inside DATA, without CRLF (RFC 5321 text lines are 1000 with CRLF);
    /// <see cref="LineLength"/> unless set. Longer lines reject the message with <c>500 5.5.2</c> after the
    /// end of data or the last BDAT chunk.</summary>
    [IgnoreDataMember]
    public int DataLineLength { get => _dataLineLength ?? LineLength; set => _dataLineLength = value; }

    /// <summary>Largest message in bytes as received (Postfix <c>message_size_limit</c> is 10 MB; we
    /// default to 50 MB). Advertised as <c>SIZE</c>; exceeded → <c>552 5.3.4</c>.</summary>
    [DataMember(Name = "max_message_size")]
    public long MessageSize { get; set; } = 50L * 1024 * 1024;

    /// <summary>Recipients per message (Postfix <c>smtpd_recipient_limit</c>). Past it →
    /// <c>452 4.5.3 Error: too many recipients</c>.</summary>
    [DataMember(Name = "max_recipients")]
    public int RecipientsPerMessage { get; set; } = 1000;

    /// <summary>Largest header section in bytes (Postfix <c>header_size_limit</c> 102400). Exceeded →
    /// <c>552 5.3.4</c> after the end of data.</summary>
    [DataMember(Name = "max_header_size")]
    public int HeaderSectionSize { get; set; } = 100 * 1024;

    /// <summary>Longest wait for a command line (Postfix <c>smtpd_timeout</c>, RFC 5321 §4.5.3.2.7: 5 min).
    /// Exceeded → <c>421 4.4.2</c> and close.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Longest wait for the next data block inside DATA or BDAT (RFC 5321 §4.5.3.2.6: 3 min).
    /// Exceeded → <c>421 4.4.2</c> and close.</summary>
    public TimeSpan DataTimeout { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>Longest TLS handshake (STARTTLS or implicit TLS).</summary>
    [IgnoreDataMember]
    public TimeSpan TlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Minimum average rate in bytes per second while receiving message content, checked after
    /// <see cref="MinimumDataRateGracePeriod"/> (Kestrel <c>MinRequestBodyDataRate</c>: 240 B/s, 5 s grace).
    /// Zero disables it. Too slow → <c>421 4.4.2</c> and close.</summary>
    [DataMember(Name = "min_data_rate")]
    public double MinimumDataRate { get; set; } = 240;

    /// <summary>Time allowed at the start of message content before <see cref="MinimumDataRate"/> applies.</summary>
    [IgnoreDataMember]
    public TimeSpan MinimumDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Concurrent connections from one client IP address (Postfix
    /// <c>smtpd_client_connection_count_limit</c> 50). Past it → <c>421 4.7.0</c> at connect.</summary>
    [DataMember(Name = "max_connections_per_ip")]
    public int ConnectionsPerAddress { get; set; } = 50;

    /// <summary>Open connections over all listeners that share one <see cref="SmtpClientTracker"/> (Postfix
    /// <c>default_process_limit</c> bounds its smtpd processes the same way). Past it → <c>421 4.7.0</c> at
    /// connect. Above <see cref="StressThreshold"/> the server is under stress.</summary>
    public int MaxConnections { get; set; } = 2000;

    /// <summary>The wait for a command line (and for a TLS handshake) while the server is under stress,
    /// like Postfix's <c>smtpd_timeout = ${stress?10}${stress:300}s</c>: idle connections are shed quickly
    /// so that clients that talk get served. Applies also to sessions already waiting when stress begins.</summary>
    public TimeSpan StressCommandTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Open connections above which the server is under stress: 80% of <see cref="MaxConnections"/>.</summary>
    public int StressThreshold => (int)(MaxConnections * 4L / 5);

    /// <summary>Error replies one session may receive before it is closed (Postfix
    /// <c>smtpd_hard_error_limit</c> 20) with <c>421 4.7.0</c>.</summary>
    [DataMember(Name = "max_bad_commands")]
    public int ErrorsPerSession { get; set; } = 20;

    /// <summary>Failed AUTH attempts from one IP address within <see cref="AuthFailureWindow"/> before
    /// AUTH is refused for that address with <c>454 4.7.0</c>. Attempts still in progress count as failed
    /// until they succeed, so parallel connections cannot race past the limit.</summary>
    [DataMember(Name = "max_auth_failures")]
    public int AuthFailuresPerAddress { get; set; } = 5;

    /// <summary>Failed AUTH attempts for one user name (from any address) within <see cref="AuthFailureWindow"/>
    /// before AUTH as that user is refused with <c>454 4.7.0</c>: guessing spread over many addresses.</summary>
    [DataMember(Name = "max_auth_failures_per_user")]
    public int AuthFailuresPerUser { get; set; } = 10;

    /// <summary>The sliding window for <see cref="AuthFailuresPerAddress"/> and <see cref="AuthFailuresPerUser"/>.</summary>
    [IgnoreDataMember]
    public TimeSpan AuthFailureWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>What to do with a bare CR or bare LF in message content. Normalize by default, as Postfix
    /// (<c>smtpd_forbid_bare_newline = normalize</c>), Exim and Exchange do: applications on Unix send LF
    /// line endings. Only <c>&lt;CRLF&gt;.&lt;CRLF&gt;</c> ends DATA in both modes (SMTP smuggling defence).</summary>
    public BareLineEndingHandling BareLineEndings { get; set; } = BareLineEndingHandling.Normalize;

    /// <summary>Checks that every limit is usable: one (YAML key, message) pair per problem, empty when valid.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (LineLength < 1000)
        {
            yield return ("max_line_length", "must be at least 1000 (RFC 5321 §4.5.3.1.6)");
        }

        if (_commandLineLength < 512)
        {
            yield return ("command_line_length", "must be at least 512 (RFC 5321 §4.5.3.1.4)");
        }

        if (_dataLineLength < 998)
        {
            yield return ("data_line_length", "must be at least 998 (RFC 5321 §4.5.3.1.6)");
        }

        foreach (var (key, value, min) in new (string, long, long)[]
        {
            ("max_message_size", MessageSize, 1024),
            ("max_recipients", RecipientsPerMessage, 1),
            ("max_header_size", HeaderSectionSize, 1024),
            ("max_connections_per_ip", ConnectionsPerAddress, 1),
            ("max_bad_commands", ErrorsPerSession, 1),
            ("max_auth_failures", AuthFailuresPerAddress, 1),
            ("max_auth_failures_per_user", AuthFailuresPerUser, 1),
            ("max_connections", MaxConnections, 1),
        })
        {
            if (value < min)
            {
                yield return (key, $"must be at least {min}");
            }
        }

        foreach (var (key, value) in new (string, TimeSpan)[]
        {
            ("command_timeout", CommandTimeout),
            ("data_timeout", DataTimeout),
            ("stress_command_timeout", StressCommandTimeout),
            ("tls_handshake_timeout", TlsHandshakeTimeout),
            ("auth_failure_window", AuthFailureWindow),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return (key, "must be positive");
            }
        }

        if (MinimumDataRate < 0 || double.IsNaN(MinimumDataRate))
        {
            yield return ("min_data_rate", "must not be negative (0 = off)");
        }

        if (MinimumDataRateGracePeriod < TimeSpan.Zero)
        {
            yield return ("minimum_data_rate_grace_period", "must not be negative");
        }

        if (!Enum.IsDefined(BareLineEndings))
        {
            yield return ("bare_line_endings", "must be normalize or reject");
        }
    }
}
