using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SecureRelay.Spool.Sqlite;

/// <summary>One AES-256-GCM key with its id. <see cref="AesGcm"/> instances are not safe for
/// concurrent use, so each operation rents one from a small pool (the key schedule is computed once
/// per pooled instance, not per message).</summary>
internal sealed class SpoolKey : IDisposable
{
    private readonly byte[] _material;
    private readonly ConcurrentBag<AesGcm> _pool = [];

    public SpoolKey(byte[] material)
    {
        if (material.Length != 32)
        {
            throw new ArgumentException("A spool key is 32 bytes.", nameof(material));
        }

        _material = material;
        Id = ComputeId(material);
    }

    /// <summary>Stored with each record: names the key without revealing it.</summary>
    public uint Id { get; }

    /// <summary>First four bytes of SHA-256 over a label and the key.</summary>
    public static uint ComputeId(ReadOnlySpan<byte> material)
    {
        Span<byte> input = stackalloc byte[32 + 24];
        "securerelay-spool-key-id"u8.CopyTo(input);
        material.CopyTo(input[24..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    public void Seal(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> aad)
    {
        AesGcm aes = Rent();
        try
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, aad);
        }
        finally
        {
            _pool.Add(aes);
        }
    }

    /// <summary>False when the tag does not authenticate (damaged or tampered data, wrong AAD).</summary>
    public bool TryOpen(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> aad)
    {
        AesGcm aes = Rent();
        try
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            plaintext.Clear();
            return false;
        }
        finally
        {
            _pool.Add(aes);
        }
    }

    private AesGcm Rent() => _pool.TryTake(out AesGcm? aes) ? aes : new AesGcm(_material, SpoolFormat.TagSize);

    public void Dispose()
    {
        while (_pool.TryTake(out AesGcm? aes))
        {
            aes.Dispose();
        }

        CryptographicOperations.ZeroMemory(_material);
    }
}
