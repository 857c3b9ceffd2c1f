using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using SecureRelay.Contracts;

namespace SecureRelay.Spool.Sqlite;

/// <summary>Length-prefixed binary forms of the envelope (with the message's decision record) and
/// the recipient status list (the plaintext that gets sealed). Each starts with a version byte; readers check every length against
/// what remains and throw <see cref="InvalidDataException"/> on anything malformed.</summary>
internal static class RecordCodec
{
    private const int MaxRecipients = 1_000_000;

    /// <summary>At most this many methods per recipient (there are six; a list never repeats one).</summary>
    private const int MaxMethods = 16;

    /// <summary>Envelope flag bits. Persisted: frozen.</summary>
    private const byte FlagSmtpUtf8 = 1, FlagRequireTls = 2, FlagContentFacts = 4, FlagEightBit = 8;

    /// <summary>Recipient decision flag bits (REQUIRETLS shares the envelope's bit). Persisted: frozen.</summary>
    private const byte FlagSignSmime = 1;

    /// <summary>The verdict byte of a message that was not classified.</summary>
    private const byte NoVerdict = 0xFF;

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
        ContentFacts? content = e.Content;
        WriteByte(w, (byte)((e.SmtpUtf8 ? FlagSmtpUtf8 : 0) | (e.RequireTls ? FlagRequireTls : 0)
            | (content is null ? 0 : FlagContentFacts) | (content is { EightBit: true } ? FlagEightBit : 0)));
        WriteVarLong(w, e.Recipients.Count);
        foreach (SpoolRecipient r in e.Recipients)
        {
            WriteString(w, r.Address);
            WriteVarLong(w, r.NotifyFlags);
            WriteNullable(w, r.OriginalRecipient);
        }

        if (content is not null)
        {
            WriteVarLong(w, content.LongestLine);
        }

        WriteDecision(w, e.Decision);
    }

    /// <summary>The decision record after the recipients: its own version byte, then the message's
    /// facts, then one entry per decided recipient. Enums are written by their frozen numbers.</summary>
    private static void WriteDecision(IBufferWriter<byte> w, DecisionRecord d)
    {
        WriteByte(w, DecisionRecord.CurrentVersion);
        WriteByte(w, d.Verdict is { } v ? (byte)v : NoVerdict);
        WriteVarLong(w, (long)d.Category);
        WriteVarLong(w, (long)d.Origin);
        WriteNullable(w, d.RelatedQueueId);
        BinaryPrimitives.WriteDoubleLittleEndian(w.GetSpan(8), d.Score);
        w.Advance(8);
        WriteVarLong(w, d.Detectors.Count);
        foreach (string detector in d.Detectors)
        {
            WriteString(w, detector);
        }

        WriteVarLong(w, d.Recipients.Count);
        foreach (RecipientDecisionRecord r in d.Recipients)
        {
            WriteNullable(w, r.Rule);
            WriteVarLong(w, r.Methods.Count);
            foreach (DeliveryMethod m in r.Methods)
            {
                WriteByte(w, (byte)m);
            }

            WriteByte(w, (byte)((r.SignSmime ? FlagSignSmime : 0) | (r.RequireTls ? FlagRequireTls : 0)));
            WriteByte(w, (byte)r.DomainTls);
        }
    }

    /// <summary>Reads an envelope of the current version, or of version 1 (decision as string
    /// annotations, translated by <see cref="LegacyAnnotations"/>) for mail queued before an upgrade.</summary>
    public static SpoolEnvelope ReadEnvelope(ReadOnlySpan<byte> data)
    {
        var r = new Reader(data);
        byte version = r.Byte();
        if (version is not (SpoolFormat.EnvelopeVersion or SpoolFormat.AnnotatedEnvelopeVersion))
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

        DecisionRecord decision;
        ContentFacts? content = null;
        if (version == SpoolFormat.AnnotatedEnvelopeVersion)
        {
            int annotations = r.Count(MaxRecipients);
            var dict = new Dictionary<string, string>(annotations, StringComparer.Ordinal);
            for (int i = 0; i < annotations; i++)
            {
                dict[r.String()] = r.String();
            }

            decision = LegacyAnnotations.ToDecision(dict, count);
            content = LegacyAnnotations.ToContentFacts(dict);
        }
        else
        {
            if ((flags & FlagContentFacts) != 0)
            {
                content = new ContentFacts((flags & FlagEightBit) != 0, r.VarLong());
            }

            decision = ReadDecision(ref r, count);
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
            SmtpUtf8 = (flags & FlagSmtpUtf8) != 0,
            RequireTls = (flags & FlagRequireTls) != 0,
            Decision = decision,
            Content = content,
        };
    }

    private static DecisionRecord ReadDecision(ref Reader r, int recipientCount)
    {
        if (r.Byte() != DecisionRecord.CurrentVersion)
        {
            throw new InvalidDataException("unknown decision version");
        }

        byte verdict = r.Byte();
        VerdictClass? verdictClass = verdict == NoVerdict ? null : Defined<VerdictClass>(verdict);
        MessageCategory category = Defined<MessageCategory>(r.VarLong());
        MessageOrigin origin = Defined<MessageOrigin>(r.VarLong());
        string? related = r.NullableString();
        double score = r.Double();
        var detectors = new string[r.Count(MaxRecipients)];
        for (int i = 0; i < detectors.Length; i++)
        {
            detectors[i] = r.String();
        }

        var recipients = new RecipientDecisionRecord[r.Count(recipientCount)];
        for (int i = 0; i < recipients.Length; i++)
        {
            string? rule = r.NullableString();
            var methods = new DeliveryMethod[r.Count(MaxMethods)];
            for (int m = 0; m < methods.Length; m++)
            {
                methods[m] = Defined<DeliveryMethod>(r.Byte());
            }

            byte flags = r.Byte();
            recipients[i] = new RecipientDecisionRecord
            {
                Rule = rule,
                Methods = methods,
                SignSmime = (flags & FlagSignSmime) != 0,
                RequireTls = (flags & FlagRequireTls) != 0,
                DomainTls = Defined<TlsRequirement>(r.Byte()),
            };
        }

        return new DecisionRecord
        {
            Verdict = verdictClass,
            Score = score,
            Detectors = detectors,
            Category = category,
            Origin = origin,
            RelatedQueueId = related,
            Recipients = recipients,
        };
    }

    /// <summary>A persisted number that must name a member of <typeparamref name="T"/>.</summary>
    private static T Defined<T>(long value)
        where T : struct, Enum
    {
        if (value is < int.MinValue or > int.MaxValue || !Enum.IsDefined(typeof(T), (int)value))
        {
            throw new InvalidDataException("unknown " + typeof(T).Name + " " + value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return (T)Enum.ToObject(typeof(T), (int)value);
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

        public double Double()
        {
            if (_rest.Length < 8)
            {
                throw new InvalidDataException("record truncated");
            }

            double d = BinaryPrimitives.ReadDoubleLittleEndian(_rest);
            _rest = _rest[8..];
            return d;
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
