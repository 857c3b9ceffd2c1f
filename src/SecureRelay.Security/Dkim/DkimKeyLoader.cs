using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;

namespace SecureRelay.Security.Dkim;

/// <summary>Reads DKIM private keys from PEM (PKCS#1 RSA, SEC1 or PKCS#8) with BouncyCastle.</summary>
internal static class DkimKeyLoader
{
    private const long MaxPemBytes = 64 * 1024;

    /// <exception cref="InvalidDataException">The file is not a usable private key of the expected type.</exception>
    public static AsymmetricKeyParameter Load(string path, DkimKeyAlgorithm algorithm)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidDataException($"{path}: DKIM private key file not found");
        }

        if (info.Length > MaxPemBytes)
        {
            throw new InvalidDataException($"{path}: DKIM private key file is larger than {MaxPemBytes} bytes");
        }

        object? pem;
        using (var reader = new StreamReader(path))
        {
            try
            {
                pem = new PemReader(reader).ReadObject();
            }
            catch (IOException e)
            {
                throw new InvalidDataException($"{path}: not a PEM private key: {e.Message}", e);
            }
        }

        var key = pem switch
        {
            AsymmetricCipherKeyPair pair => pair.Private,
            AsymmetricKeyParameter { IsPrivate: true } p => p,
            _ => throw new InvalidDataException($"{path}: no private key found in the PEM file"),
        };

        switch (algorithm)
        {
            case DkimKeyAlgorithm.Rsa when key is RsaKeyParameters rsa:
                if (rsa.Modulus.BitLength < 1024)
                {
                    // RFC 8301: verifiers must not accept RSA keys under 1024 bits.
                    throw new InvalidDataException($"{path}: RSA key has {rsa.Modulus.BitLength} bits; at least 1024 (2048 recommended) are required");
                }

                return key;
            case DkimKeyAlgorithm.Ed25519 when key is Ed25519PrivateKeyParameters:
                return key;
            default:
                throw new InvalidDataException($"{path}: key type {key.GetType().Name} does not match algorithm {algorithm}");
        }
    }
}
