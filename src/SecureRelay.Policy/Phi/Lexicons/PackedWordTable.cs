using System.Numerics;
using System.Text;

namespace SecureRelay.Policy.Phi.Lexicons;

/// <summary>An immutable set of words, each with a byte of flags, stored compactly: the lower-case UTF-8 bytes
/// of every word back to back in one array, and an open-addressing table of indexes into it. About 20 bytes a
/// word instead of a string object and a hash-set entry per list (the word lists hold ~500,000 words). Lookups
/// ignore case (invariant lower case) and take spans, allocating nothing.</summary>
internal sealed class PackedWordTable
{
    /// <summary>Longest word stored or looked up, in characters.</summary>
    public const int MaxWord = 64;

    private readonly byte[] _pool;
    private readonly int[] _starts;
    private readonly byte[] _flags;
    private readonly int[] _slots;
    private readonly int _mask;

    /// <summary>Builds the table; keys longer than <see cref="MaxWord"/> are left out. Keys that differ only in
    /// case share one entry, their flags combined.</summary>
    public PackedWordTable(IEnumerable<KeyValuePair<string, byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var merged = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (key, flags) in entries)
        {
            if (key.Length is > 0 and <= MaxWord)
            {
                var lower = key.ToLowerInvariant();
                merged[lower] = (byte)(merged.GetValueOrDefault(lower) | flags);
            }
        }

        _starts = new int[merged.Count + 1];
        _flags = new byte[merged.Count];
        _pool = new byte[merged.Keys.Sum(Encoding.UTF8.GetByteCount)];
        _slots = new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, merged.Count * 2))];
        _mask = _slots.Length - 1;
        var at = 0;
        var index = 0;
        foreach (var (key, flags) in merged)
        {
            _starts[index] = at;
            at += Encoding.UTF8.GetBytes(key, _pool.AsSpan(at));
            _flags[index] = flags;
            var slot = (int)Hash(_pool.AsSpan(_starts[index], at - _starts[index])) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = index + 1;
            index++;
        }

        _starts[index] = at;
    }

    /// <summary>Number of distinct words.</summary>
    public int Count => _flags.Length;

    /// <summary>The flags of a word (0 when absent).</summary>
    public byte Flags(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > MaxWord)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[MaxWord];
        var length = word.ToLowerInvariant(lower);
        Span<byte> utf8 = stackalloc byte[MaxWord * 3];
        var bytes = utf8[..Encoding.UTF8.GetBytes(lower[..length], utf8)];
        for (var slot = (int)Hash(bytes) & _mask; _slots[slot] != 0; slot = (slot + 1) & _mask)
        {
            var entry = _slots[slot] - 1;
            if (_pool.AsSpan(_starts[entry], _starts[entry + 1] - _starts[entry]).SequenceEqual(bytes))
            {
                return _flags[entry];
            }
        }

        return 0;
    }

    /// <summary>FNV-1a, 32 bits.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        var h = 2166136261u;
        foreach (var b in bytes)
        {
            h = (h ^ b) * 16777619u;
        }

        return h ^ (h >> 15);
    }
}
