namespace SecureRelay.Configuration;

/// <summary>An SMTP AUTH user (<c>users[]</c>).</summary>
public sealed class UserConfig
{
    /// <summary>The user name given in AUTH.</summary>
    public string Name { get; set; } = "";

    /// <summary>A hash printed by <c>securerelay users hash</c> (PBKDF2-SHA256, salted); never a password.</summary>
    public string PasswordHash { get; set; } = "";

    /// <summary>When not empty, the user may only use these domains: in MAIL FROM, in every
    /// address of the From: and Sender: headers, and for the DKIM key that signs its mail.</summary>
    public List<string> SenderDomains { get; set; } = [];

    /// <summary>Whether the user may use the null sender <c>MAIL FROM:&lt;&gt;</c> (bounces have no
    /// one to go back to, so an application rarely needs it). Off by default.</summary>
    public bool AllowNullSender { get; set; }

    /// <summary>Checks the user: one (key relative to the item, message) pair per problem.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return ("name", "user name must not be empty");
        }

        if (!Users.PasswordHasher.IsWellFormed(PasswordHash))
        {
            yield return ("password_hash", "not a hash made by 'securerelay users hash'");
        }

        for (var d = 0; d < SenderDomains.Count; d++)
        {
            var pattern = SenderDomains[d];
            if (!RelayConfig.IsDomainName(pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern))
            {
                yield return ($"sender_domains[{d}]", $"'{pattern}' is not a domain name (clinic.example or *.clinic.example)");
            }
        }
    }
}
