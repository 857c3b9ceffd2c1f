namespace SecureRelay.Configuration;

/// <summary>An SMTP AUTH user (<c>users[]</c>).</summary>
public sealed class UserConfig
{
    /// <summary>The user name given in AUTH.</summary>
    public string Name { get; set; } = "";

    /// <summary>A hash printed by <c>securerelay users hash</c> (PBKDF2-SHA256, salted); never a password.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>When not empty, the user may only use these sender (MAIL FROM) domains.</summary>
    public List<string> SenderDomains { get; set; } = [];
}
