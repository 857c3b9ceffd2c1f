namespace SecureRelay.Smtp;

/// <summary>Server-wide SMTP settings shared by all listeners.</summary>
public sealed class SmtpServerOptions
{
    /// <summary>The name this server gives in the greeting, EHLO reply and <c>Received:</c> header.</summary>
    public string HostName { get; set; } = "localhost";

    /// <summary>All protocol limits.</summary>
    public SmtpLimits Limits { get; set; } = new();

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(HostName) || HostName.Any(c => c <= ' ' || c >= 127 || c is '(' or ')' or ';'))
        {
            throw new ArgumentException("HostName must be a non-empty DNS name.", nameof(HostName));
        }

        ArgumentNullException.ThrowIfNull(Limits);
        foreach (var (key, message) in Limits.Validate())
        {
            throw new ArgumentOutOfRangeException(nameof(Limits), $"limits.{key}: {message}");
        }
    }
}
