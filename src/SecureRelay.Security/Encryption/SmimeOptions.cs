using System.ComponentModel.DataAnnotations;

namespace SecureRelay.Security.Encryption;

/// <summary>S/MIME settings (YAML section <c>smime:</c>).</summary>
public sealed class SmimeOptions
{
    /// <summary>Directory of recipient certificates, PEM or DER (<c>certificates_dir</c>).</summary>
    [DataType("path")]
    public string CertificatesDir { get; set; } = "certs/smime";

    /// <summary>Reload the directory when files change (<c>reload_on_change</c>, default true).</summary>
    public bool ReloadOnChange { get; set; } = true;

    /// <summary>
    /// Replace the outer Subject with <see cref="NeutralSubject"/> and carry the original headers
    /// inside the encrypted part (<c>protect_subject</c>, default true: subjects often hold PHI).
    /// </summary>
    public bool ProtectSubject { get; set; } = true;

    /// <summary>Outer Subject used when <see cref="ProtectSubject"/> is on (<c>neutral_subject</c>).</summary>
    public string NeutralSubject { get; set; } = "Secure message";

    /// <summary>
    /// Organisation signing certificate (<c>signing_certificate</c>): a PKCS#12 file (.p12/.pfx) or
    /// a PEM chain (leaf first). Empty = messages are encrypted but not signed.
    /// </summary>
    [DataType("path")]
    public string? SigningCertificate { get; set; }

    /// <summary>PEM private key for a PEM <see cref="SigningCertificate"/> (<c>signing_key</c>).</summary>
    [DataType("path")]
    public string? SigningKey { get; set; }

    /// <summary>File holding the PKCS#12 password (<c>signing_password_file</c>); secrets stay out of the YAML.</summary>
    [DataType("path")]
    public string? SigningPasswordFile { get; set; }
}
