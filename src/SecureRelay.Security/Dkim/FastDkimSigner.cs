using System.Security.Cryptography;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace SecureRelay.Security.Dkim;

/// <summary>
/// MimeKit's <see cref="DkimSigner"/> with the RSA private-key operation done by OpenSSL through
/// .NET (see <see cref="OpenSslRsaSha256Signer"/>). Ed25519 keys keep BouncyCastle's signer.
/// The .NET key is imported once; each thread gets its own instance because RSA objects are not
/// documented as thread-safe.
/// </summary>
internal sealed class FastDkimSigner : DkimSigner, IDisposable
{
    private readonly ThreadLocal<RSA>? _rsa;

    public FastDkimSigner(AsymmetricKeyParameter key, string domain, string selector, DkimSignatureAlgorithm algorithm)
        : base(key, domain, selector, algorithm)
    {
        if (algorithm == DkimSignatureAlgorithm.RsaSha256 && key is RsaPrivateCrtKeyParameters crt)
        {
            var parameters = DotNetUtilities.ToRSAParameters(crt);
            _rsa = new ThreadLocal<RSA>(() =>
            {
                var rsa = RSA.Create();
                rsa.ImportParameters(parameters);
                return rsa;
            }, trackAllValues: true);
        }
    }

    public void Dispose()
    {
        if (_rsa is null)
        {
            return;
        }

        foreach (var rsa in _rsa.Values)
        {
            rsa.Dispose();
        }

        _rsa.Dispose();
    }

    protected override ISigner CreateSigningContext() =>
        _rsa is null ? base.CreateSigningContext() : new OpenSslRsaSha256Signer(_rsa.Value!);
}
