namespace SecureRelay.Security.Dkim;

/// <summary>DKIM settings (YAML section <c>dkim:</c>).</summary>
public sealed class DkimOptions
{
    /// <summary>Whether outgoing mail is signed (<c>enabled</c>, default true when keys are configured).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Signing keys (<c>keys</c>); a domain may have one RSA and one Ed25519 key (dual signature).</summary>
    public List<DkimKeyOptions> Keys { get; set; } = [];

    /// <summary>
    /// Domain whose keys sign mail whose From domain has no key of its own (<c>default_domain</c>);
    /// empty = such mail goes unsigned.
    /// </summary>
    public string? DefaultDomain { get; set; }

    /// <summary>Header fields to sign (<c>headers</c>); empty = <see cref="DkimSigningService.DefaultHeaders"/>.</summary>
    public List<string> Headers { get; set; } = [];

    /// <summary>Checks the values: one (YAML key relative to <c>dkim:</c>, message) pair per problem, empty when valid.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            if (Uri.CheckHostName(key.Domain) != UriHostNameType.Dns)
            {
                yield return ($"keys[{i}].domain", $"'{key.Domain}' is not a domain name");
            }

            if (string.IsNullOrWhiteSpace(key.Selector))
            {
                yield return ($"keys[{i}].selector", "selector must not be empty");
            }

            if (!File.Exists(key.PrivateKeyPath))
            {
                yield return ($"keys[{i}].private_key_path", $"'{key.PrivateKeyPath}' does not exist (make one with: securerelay dkim keygen)");
            }
        }

        if (DefaultDomain is { Length: > 0 } d && Uri.CheckHostName(d) != UriHostNameType.Dns)
        {
            yield return ("default_domain", $"'{d}' is not a domain name");
        }
    }
}
