using System.ComponentModel.DataAnnotations;

namespace SecureRelay.Security.Encryption;

/// <summary>PGP settings (YAML section <c>pgp:</c>).</summary>
public sealed class PgpOptions
{
    /// <summary>Directory of ASCII-armoured public keys (<c>keys_dir</c>).</summary>
    [DataType("path")]
    public string KeysDir { get; set; } = "keys/pgp";

    /// <summary>Reload the directory when files change (<c>reload_on_change</c>, default true).</summary>
    public bool ReloadOnChange { get; set; } = true;

    /// <summary>Replace the outer Subject and carry the original headers inside (<c>protect_subject</c>, default true).</summary>
    public bool ProtectSubject { get; set; } = true;

    /// <summary>Outer Subject used when <see cref="ProtectSubject"/> is on (<c>neutral_subject</c>).</summary>
    public string NeutralSubject { get; set; } = "Secure message";

    /// <summary>Armoured secret key of the organisation for signing (<c>signing_key</c>); empty = no signature.</summary>
    [DataType("path")]
    public string? SigningKey { get; set; }

    /// <summary>File holding the signing key passphrase (<c>signing_passphrase_file</c>).</summary>
    [DataType("path")]
    public string? SigningPassphraseFile { get; set; }

    /// <summary>Web Key Directory lookups (<c>wkd:</c>).</summary>
    public WkdOptions Wkd { get; set; } = new();
}
