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
}
