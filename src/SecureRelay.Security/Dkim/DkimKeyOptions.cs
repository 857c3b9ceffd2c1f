using System.ComponentModel.DataAnnotations;

namespace SecureRelay.Security.Dkim;

/// <summary>One DKIM signing key (an item of <c>dkim.keys</c>).</summary>
public sealed class DkimKeyOptions
{
    /// <summary>Signing domain, the <c>d=</c> tag (<c>domain</c>).</summary>
    public string Domain { get; set; } = "";

    /// <summary>Selector, the <c>s=</c> tag (<c>selector</c>).</summary>
    public string Selector { get; set; } = "";

    /// <summary>Path of the private key PEM (<c>private_key_path</c>; PKCS#1 or PKCS#8).</summary>
    [DataType("path")]
    public string PrivateKeyPath { get; set; } = "";

    /// <summary>Key type (<c>algorithm</c>: <c>rsa</c> default, or <c>ed25519</c>).</summary>
    public DkimKeyAlgorithm Algorithm { get; set; } = DkimKeyAlgorithm.Rsa;
}
