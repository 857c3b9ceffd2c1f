using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace SecureRelay.Spool.Sqlite;

/// <summary>Length-prefixed binary forms of the envelope and the recipient status list (the
/// plaintext that gets sealed). Each starts with a version byte; readers check every length against
/// what remains and throw <see cref="InvalidDataException"/> on anything malformed.</summary>
internal static class RecordCodec
{
    private const int MaxRecipients = 1_000_000;

    public static void WriteEnvelope(IBufferWriter<byte> w, SpoolEnvelope e)
    {
        WriteByte(w, SpoolFormat.EnvelopeVersion);
        WriteString(w, e.ReversePath);
        WriteVarLong(w, e.ReceivedAt.UtcTicks);
        WriteVarLong(w, (long)e.ReceivedAt.Offset.TotalMinutes + 1440); // offset in [-14h, 14h]
        WriteNullable(w, e.ClientAddress);
        WriteNullable(w, e.HeloName);
        WriteNullable(w, e.AuthenticatedUser);
        WriteNullable(w, e.EnvelopeId);
        WriteVarLong(w, e.DsnReturn);
        WriteVarLong(w, e.BodyType);
        WriteByte(w, (byte)((e.SmtpUtf8 ? 1 : 0) | (e.RequireTls ? 2 : 0)));
        WriteVarLong(w, e.Recipients.Count);
        foreach (SpoolRecipient r in e.Recipients)
        {
            WriteString(w, r.Address);
            WriteVarLong(w, r.NotifyFlags);
            WriteNullable(w, r.OriginalRecipient);
        }

        WriteVarLong(w, e.Annotations.Count);
        foreach (KeyValuePair<string, string> kv in e.Annotations)
        {
            WriteString(w, kv.Key);
            WriteString(w, kv.Value);
        }
    }

    public static SpoolEnvelope ReadEnvelope(ReadOnlySpan<byte> data)
    {
        var r = new Reader(data);
        if (r.Byte() != SpoolFormat.EnvelopeVersion)
        {
            throw new InvalidDataException("unknown envelope version");
        }

        string reversePath = r.String();
        long ticks = r.VarLong();
        long offsetMinutes = r.VarLong() - 1440;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks || offsetMinutes is < -840 or > 840)
        {
            throw new InvalidDataException("bad envelope time");
        }

        TimeSpan offset = TimeSpan.FromMinutes(offsetMinutes);
        DateTimeOffset received = new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(offset);
        string? client = r.NullableString();
        string? helo = r.NullableString();
        string? user = r.NullableString();
        string? envId = r.NullableString();
        int ret = checked((int)r.VarLong());
        int body = checked((int)r.VarLong());
        byte flags = r.Byte();
        int count = r.Count(MaxRecipients);
        var recipients = new SpoolRecipient[count];
        for (int i = 0; i < count; i++)
        {
            recipients[i] = new SpoolRecipient(r.String(), checked((int)r.VarLong()), r.NullableString());
        }

        int annotations = r.Count(MaxRecipients);
        var dict = new Dictionary<string, string>(annotations, StringComparer.Ordinal);
        for (int i = 0; i < annotations; i++)
        {
            dict[r.String()] = r.String();
        }

        r.End();
        return new SpoolEnvelope
        {
            ReversePath = reversePath,
            Recipients = recipients,
            ReceivedAt = received,
            ClientAddress = client,
            HeloName = helo,
            AuthenticatedUser = user,
            EnvelopeId = envId,
            DsnReturn = ret,
            BodyType = body,
            SmtpUtf8 = (flags & 1) != 0,
            RequireTls = (flags & 2) != 0,
            Annotations = dict,
        };
    }

    public static void WriteStatus(IBufferWriter<byte> w, IReadOnlyList<RecipientStatus> statuses)
    {
        WriteByte(w, SpoolFormat.StatusVersion);
        WriteVarLong(w, statuses.Count);
        foreach (RecipientStatus s in statuses)
        {
            WriteByte(w, (byte)s.State);
            WriteVarLong(w, s.Attempts);
            WriteNullable(w, s.LastResponse);
        }
    }

    public static RecipientStatus[] ReadStatus(ReadOnlySpan<byte> data, int expectedCount)
    {
        var r = new Reader(data);
        if (r.Byte() != SpoolFormat.StatusVersion)
        {
            throw new InvalidDataException("unknown status version");
        }

        int count = r.Count(MaxRecipients);
        if (count != expectedCount)
        {
            throw new InvalidDataException("status does not match the envelope's recipients");
        }

        var result = new RecipientStatus[count];
        for (int i = 0; i < count; i++)
        {
            byte state = r.Byte();
            if (state > (byte)RecipientState.Deleted)
            {
                throw new InvalidDataException("unknown recipient state");
            }

            result[i] = new RecipientStatus(i, (RecipientState)state, checked((int)r.VarLong()), r.NullableString());
        }

        r.End();
        return result;
    }

    /// <summary>Status of a message nobody has tried yet (stored as NULL to save a seal per commit).</summary>
    public static RecipientStatus[] FreshStatus(int count)
    {
        var result = new RecipientStatus[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = new RecipientStatus(i, RecipientState.Pending, 0, null);
        }

        return result;
    }

    private static void WriteByte(IBufferWriter<byte> w, byte b)
    {
        w.GetSpan(1)[0] = b;
        w.Advance(1);
    }

    private static void WriteVarLong(IBufferWriter<byte> w, long value)
    {
        // Zig-zag so small negatives stay short; LEB128 after that.
        ulong v = (ulong)((value << 1) ^ (value >> 63));
        Span<byte> span = w.GetSpan(10);
        int n = 0;
        while (v >= 0x80)
        {
            span[n++] = (byte)(v | 0x80);
            v >>= 7;
        }

        span[n++] = (byte)v;
        w.Advance(n);
    }

    private static void WriteString(IBufferWriter<byte> w, string s)
    {
        int len = Encoding.UTF8.GetByteCount(s);
        WriteVarLong(w, len);
        int written = Encoding.UTF8.GetBytes(s, w.GetSpan(len));
        w.Advance(written);
    }

    private static void WriteNullable(IBufferWriter<byte> w, string? s)
    {
        if (s is null)
        {
            WriteByte(w, 0);
            return;
        }

        WriteByte(w, 1);
        WriteString(w, s);
    }

    private ref struct Reader
    {
        private ReadOnlySpan<byte> _rest;

        public Reader(ReadOnlySpan<byte> data) => _rest = data;

        public byte Byte()
        {
            if (_rest.IsEmpty)
            {
                throw new InvalidDataException("record truncated");
            }

            byte b = _rest[0];
            _rest = _rest[1..];
            return b;
        }

        public long VarLong()
        {
            ulong v = 0;
            for (int shift = 0; shift < 70; shift += 7)
            {
                byte b = Byte();
                v |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (long)(v >> 1) ^ -(long)(v & 1);
                }
            }

            throw new InvalidDataException("varint too long");
        }

        public int Count(int max)
        {
            long n = VarLong();
            if (n < 0 || n > max || n > _rest.Length)
            {
                throw new InvalidDataException("bad count");
            }

            return (int)n;
        }

        public string String()
        {
            long len = VarLong();
            if (len < 0 || len > _rest.Length)
            {
                throw new InvalidDataException("bad string length");
            }

            string s = Encoding.UTF8.GetString(_rest[..(int)len]);
            _rest = _rest[(int)len..];
            return s;
        }

        public string? NullableString() => Byte() switch
        {
            0 => null,
            1 => String(),
            _ => throw new InvalidDataException("bad optional marker"),
        };

        public readonly void End()
        {
            if (!_rest.IsEmpty)
            {
                throw new InvalidDataException("trailing bytes");
            }
        }
    }

    /// <summary>Big-endian helpers for AAD and nonces.</summary>
    public static void PutUInt32(Span<byte> span, uint value) => BinaryPrimitives.WriteUInt32BigEndian(span, value);

    public static void PutInt64(Span<byte> span, long value) => BinaryPrimitives.WriteInt64BigEndian(span, value);
}
