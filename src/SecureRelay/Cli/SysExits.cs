namespace SecureRelay.Cli;

/// <summary>Exit codes of <c>securerelay sendmail</c>, from BSD <c>sysexits.h</c>: what cron, PHP and
/// monitoring tools already interpret for <c>/usr/sbin/sendmail</c>.</summary>
public static class SysExits
{
    /// <summary>Submitted: the relay answered <c>250</c> after the message.</summary>
    public const int Ok = 0;

    /// <summary><c>EX_USAGE</c>: a bad or unsupported flag, or no recipient.</summary>
    public const int Usage = 64;

    /// <summary><c>EX_DATAERR</c>: the message cannot be used (larger than <c>limits.max_message_size</c>,
    /// not a message, no recipient in its headers with <c>-t</c>).</summary>
    public const int DataError = 65;

    /// <summary><c>EX_NOUSER</c>: the relay refused a recipient with a <c>5xx</c> reply.</summary>
    public const int NoUser = 67;

    /// <summary><c>EX_UNAVAILABLE</c>: any other <c>5xx</c> reply, or TLS with the relay failed.</summary>
    public const int Unavailable = 69;

    /// <summary><c>EX_SOFTWARE</c>: a bug in this program.</summary>
    public const int Software = 70;

    /// <summary><c>EX_TEMPFAIL</c>: a <c>4xx</c> reply, the relay is down or the connection broke
    /// before the final <c>250</c>; trying again later may work.</summary>
    public const int TempFail = 75;

    /// <summary><c>EX_NOPERM</c>: the relay wants authentication (<c>530</c>, <c>535</c>) or refused the
    /// sender by policy (<c>5.7.x</c> at MAIL).</summary>
    public const int NoPermission = 77;

    /// <summary><c>EX_CONFIG</c>: the configuration file cannot be loaded.</summary>
    public const int Config = 78;
}
