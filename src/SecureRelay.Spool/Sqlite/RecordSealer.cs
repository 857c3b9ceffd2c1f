using System.Buffers;
using System.Security.Cryptography;

namespace SecureRelay.Spool.Sqlite;

/// <summary>AES-256-GCM sealing of chunks, envelopes and status lists.
/// Chunk: nonce = record prefix (8 random bytes) || index (4 bytes BE); AAD binds the message key,
/// key id, index and a final flag, so a reordered, swapped or truncated chunk list fails to open.
/// Envelope: nonce = prefix || 0xFFFFFFFF; AAD also binds content length and chunk count, the clear
/// columns that reading trusts. Status (rewritten on every attempt): fresh random nonce each time,
/// stored with its own key id, because it is re-sealed under whatever key is current.</summary>
internal static class RecordSealer
{
    private const int ChunkAadSize = 21;
    private const int EnvelopeAadSize = 28;
    private const int StatusAadSize = 16;
    private const int StatusHeader = 4 + SpoolFormat.NonceSize + SpoolFormat.TagSize;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    public static void SealChunk(SpoolKey key, ReadOnlySpan<byte> prefix, long msgKey, uint index, bool final, ReadOnlySpan<byte> plaintext, Span<byte> sealedOut)
    {
        Span<byte> nonce = stackalloc byte[SpoolFormat.NonceSize];
        Span<byte> aad = stackalloc byte[ChunkAadSize];
        MakeNonce(nonce, prefix, index);
        ChunkAad(aad, msgKey, key.Id, index, final);
        key.Seal(nonce, plaintext, sealedOut.Slice(SpoolFormat.TagSize, plaintext.Length), sealedOut[..SpoolFormat.TagSize], aad);
    }

    public static bool TryOpenChunk(SpoolKey key, ReadOnlySpan<byte> prefix, long msgKey, uint index, bool final, ReadOnlySpan<byte> sealedChunk, Span<byte> plaintextOut)
    {
        if (sealedChunk.Length < SpoolFormat.TagSize || sealedChunk.Length - SpoolFormat.TagSize > plaintextOut.Length)
        {
            return false;
        }

        Span<byte> nonce = stackalloc byte[SpoolFormat.NonceSize];
        Span<byte> aad = stackalloc byte[ChunkAadSize];
        MakeNonce(nonce, prefix, index);
        ChunkAad(aad, msgKey, key.Id, index, final);
        return key.TryOpen(nonce, sealedChunk[SpoolFormat.TagSize..], sealedChunk[..SpoolFormat.TagSize], plaintextOut[..(sealedChunk.Length - SpoolFormat.TagSize)], aad);
    }

    /// <summary>Serializes and seals the envelope into a pooled buffer (return it with
    /// <see cref="ArrayPool{T}.Shared"/>); the sealed length is returned.</summary>
    public static byte[] SealEnvelope(SpoolKey key, ReadOnlySpan<byte> prefix, long msgKey, long contentLength, uint chunkCount, SpoolEnvelope envelope, out int sealedLength)
    {
        ArrayBufferWriter<byte> scratch = Scratch();
        RecordCodec.WriteEnvelope(scratch, envelope);
        ReadOnlySpan<byte> plain = scratch.WrittenSpan;
        sealedLength = plain.Length + SpoolFormat.TagSize;
        byte[] output = ArrayPool<byte>.Shared.Rent(sealedLength);
        Span<byte> nonce = stackalloc byte[SpoolFormat.NonceSize];
        Span<byte> aad = stackalloc byte[EnvelopeAadSize];
        MakeNonce(nonce, prefix, SpoolFormat.EnvelopeCounter);
        EnvelopeAad(aad, msgKey, key.Id, contentLength, chunkCount);
        key.Seal(nonce, plain, output.AsSpan(SpoolFormat.TagSize, plain.Length), output.AsSpan(0, SpoolFormat.TagSize), aad);
        scratch.Clear(); // wipes the plaintext envelope
        return output;
    }

    /// <exception cref="RecordDamagedException">Authentication or parsing failed.</exception>
    public static SpoolEnvelope OpenEnvelope(SpoolKey key, ReadOnlySpan<byte> prefix, long msgKey, long contentLength, uint chunkCount, ReadOnlySpan<byte> sealedEnvelope)
    {
        if (sealedEnvelope.Length < SpoolFormat.TagSize || prefix.Length != SpoolFormat.NoncePrefixSize)
        {
            throw new RecordDamagedException("envelope truncated");
        }

        int len = sealedEnvelope.Length - SpoolFormat.TagSize;
        byte[] plain = ArrayPool<byte>.Shared.Rent(Math.Max(len, 1));
        try
        {
            Span<byte> nonce = stackalloc byte[SpoolFormat.NonceSize];
            Span<byte> aad = stackalloc byte[EnvelopeAadSize];
            MakeNonce(nonce, prefix, SpoolFormat.EnvelopeCounter);
            EnvelopeAad(aad, msgKey, key.Id, contentLength, chunkCount);
            if (!key.TryOpen(nonce, sealedEnvelope[SpoolFormat.TagSize..], sealedEnvelope[..SpoolFormat.TagSize], plain.AsSpan(0, len), aad))
            {
                throw new RecordDamagedException("envelope failed authentication");
            }

            try
            {
                return RecordCodec.ReadEnvelope(plain.AsSpan(0, len));
            }
            catch (Exception ex) when (ex is InvalidDataException or OverflowException or ArgumentException)
            {
                throw new RecordDamagedException("envelope unparsable: " + ex.Message);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain.AsSpan(0, len));
            ArrayPool<byte>.Shared.Return(plain);
        }
    }

    public static byte[] SealStatus(SpoolKey key, long msgKey, IReadOnlyList<RecipientStatus> statuses)
    {
        ArrayBufferWriter<byte> scratch = Scratch();
        RecordCodec.WriteStatus(scratch, statuses);
        ReadOnlySpan<byte> plain = scratch.WrittenSpan;
        byte[] output = new byte[StatusHeader + plain.Length];
        RecordCodec.PutUInt32(output, key.Id);
        Span<byte> nonce = output.AsSpan(4, SpoolFormat.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        Span<byte> aad = stackalloc byte[StatusAadSize];
        StatusAad(aad, msgKey, key.Id);
        key.Seal(nonce, plain, output.AsSpan(StatusHeader), output.AsSpan(4 + SpoolFormat.NonceSize, SpoolFormat.TagSize), aad);
        scratch.Clear();
        return output;
    }

    /// <exception cref="RecordDamagedException">Unknown key, authentication or parsing failed.</exception>
    public static RecipientStatus[] OpenStatus(SpoolKeyStore keys, long msgKey, ReadOnlySpan<byte> sealedStatus, int recipientCount)
    {
        if (sealedStatus.Length < StatusHeader)
        {
            throw new RecordDamagedException("status truncated");
        }

        uint keyId = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(sealedStatus);
        if (!keys.TryGet(keyId, out SpoolKey key))
        {
            throw new RecordDamagedException($"status key {keyId:x8} is not in the key ring");
        }

        int len = sealedStatus.Length - StatusHeader;
        byte[] plain = ArrayPool<byte>.Shared.Rent(Math.Max(len, 1));
        try
        {
            Span<byte> aad = stackalloc byte[StatusAadSize];
            StatusAad(aad, msgKey, keyId);
            if (!key.TryOpen(sealedStatus.Slice(4, SpoolFormat.NonceSize), sealedStatus[StatusHeader..], sealedStatus.Slice(4 + SpoolFormat.NonceSize, SpoolFormat.TagSize), plain.AsSpan(0, len), aad))
            {
                throw new RecordDamagedException("status failed authentication");
            }

            try
            {
                return RecordCodec.ReadStatus(plain.AsSpan(0, len), recipientCount);
            }
            catch (Exception ex) when (ex is InvalidDataException or OverflowException)
            {
                throw new RecordDamagedException("status unparsable: " + ex.Message);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(plain, clearArray: true);
        }
    }

    private static ArrayBufferWriter<byte> Scratch()
    {
        ArrayBufferWriter<byte> s = t_scratch ??= new ArrayBufferWriter<byte>(1024);
        s.ResetWrittenCount();
        return s;
    }

    private static void MakeNonce(Span<byte> nonce, ReadOnlySpan<byte> prefix, uint counter)
    {
        prefix.CopyTo(nonce);
        RecordCodec.PutUInt32(nonce[SpoolFormat.NoncePrefixSize..], counter);
    }

    private static void ChunkAad(Span<byte> aad, long msgKey, uint keyId, uint index, bool final)
    {
        RecordCodec.PutUInt32(aad, SpoolFormat.ChunkMagic);
        RecordCodec.PutInt64(aad[4..], msgKey);
        RecordCodec.PutUInt32(aad[12..], keyId);
        RecordCodec.PutUInt32(aad[16..], index);
        aad[20] = final ? (byte)1 : (byte)0;
    }

    private static void EnvelopeAad(Span<byte> aad, long msgKey, uint keyId, long contentLength, uint chunkCount)
    {
        RecordCodec.PutUInt32(aad, SpoolFormat.EnvelopeMagic);
        RecordCodec.PutInt64(aad[4..], msgKey);
        RecordCodec.PutUInt32(aad[12..], keyId);
        RecordCodec.PutInt64(aad[16..], contentLength);
        RecordCodec.PutUInt32(aad[24..], chunkCount);
    }

    private static void StatusAad(Span<byte> aad, long msgKey, uint keyId)
    {
        RecordCodec.PutUInt32(aad, SpoolFormat.StatusMagic);
        RecordCodec.PutInt64(aad[4..], msgKey);
        RecordCodec.PutUInt32(aad[12..], keyId);
    }
}
