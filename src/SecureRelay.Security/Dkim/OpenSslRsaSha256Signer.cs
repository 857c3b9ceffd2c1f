using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;

namespace SecureRelay.Security.Dkim;

/// <summary>
/// A BouncyCastle <see cref="ISigner"/> for rsa-sha256 backed by .NET's RSA (OpenSSL on Linux).
/// BouncyCastle's managed RSA takes ~10 ms per 2048-bit signature on the reference box, OpenSSL
/// ~0.3 ms; MimeKit's DKIM code stays in charge of canonicalization and the header, only the
/// final private-key operation moves here.
/// </summary>
internal sealed class OpenSslRsaSha256Signer : ISigner
{
    private readonly RSA _rsa;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public OpenSslRsaSha256Signer(RSA rsa) => _rsa = rsa;

    public string AlgorithmName => "SHA-256withRSA";

    public void Init(bool forSigning, ICipherParameters parameters)
    {
        if (!forSigning)
        {
            throw new NotSupportedException("this signer only signs");
        }

        Reset();
    }

    public void Update(byte input) => _hash.AppendData([input]);

    public void BlockUpdate(byte[] input, int inOff, int inLen) => _hash.AppendData(input, inOff, inLen);

    public void BlockUpdate(ReadOnlySpan<byte> input) => _hash.AppendData(input);

    public int GetMaxSignatureSize() => (_rsa.KeySize + 7) / 8;

    public byte[] GenerateSignature()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetHashAndReset(digest);
        return _rsa.SignHash(digest.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public bool VerifySignature(byte[] signature) => throw new NotSupportedException("this signer only signs");

    public void Reset()
    {
        Span<byte> discard = stackalloc byte[32];
        _hash.GetHashAndReset(discard);
    }
}
