namespace SecureRelay.Spool.Sqlite;

/// <summary>Queue ids: the 63-bit message key (41 bits of milliseconds since 2024-01-01, 22 bits of
/// counter) as 13 Crockford base32 characters, big-endian, so ids sort by arrival time. The key is
/// also the SQLite rowid, so an id maps to its row without an extra index.</summary>
internal sealed class QueueIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 13;
    private const int CounterBits = 22;
    private static readonly long EpochMs = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private long _last;

    /// <summary>Starts after the highest key already stored, so ids stay unique across restarts
    /// even if the clock moved back.</summary>
    public QueueIds(long highestExistingKey) => _last = highestExistingKey;

    /// <summary>A new unique, increasing key.</summary>
    public long NextKey()
    {
        long floor = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - EpochMs) << CounterBits;
        while (true)
        {
            long last = Volatile.Read(ref _last);
            long next = Math.Max(last + 1, floor);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }

    /// <summary>Formats a key as a queue id.</summary>
    public static string Format(long key)
    {
        return string.Create(Length, key, static (span, k) =>
        {
            ulong v = (ulong)k;
            for (int i = Length - 1; i >= 0; i--)
            {
                span[i] = Alphabet[(int)(v & 31)];
                v >>= 5;
            }
        });
    }

    /// <summary>Parses a queue id (case-insensitive); false for anything malformed.</summary>
    public static bool TryParse(string? queueId, out long key)
    {
        key = 0;
        if (queueId is null || queueId.Length != Length)
        {
            return false;
        }

        ulong v = 0;
        foreach (char c in queueId)
        {
            int d = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (d < 0)
            {
                return false;
            }

            v = (v << 5) | (uint)d;
        }

        // 13 chars carry 65 bits; a valid key has the top two clear.
        if (v > long.MaxValue || (queueId[0] is not ('0' or '1' or '2' or '3' or '4' or '5' or '6' or '7')))
        {
            return false;
        }

        key = (long)v;
        return key > 0;
    }
}
