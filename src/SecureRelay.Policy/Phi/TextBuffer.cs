using System.Buffers;

namespace SecureRelay.Policy.Phi;

/// <summary>The extracted text under construction, in one pooled character buffer: parts are decoded
/// straight into it and the text becomes a string once, at the end (a StringBuilder plus each part's own
/// string copied every character two or three times, and for large messages each copy was a large object).</summary>
internal sealed class TextBuffer : IDisposable
{
    private char[]? _chars = ArrayPool<char>.Shared.Rent(1024);

    /// <summary>Characters appended so far.</summary>
    public int Length { get; private set; }

    private char[] Chars => _chars ?? throw new ObjectDisposedException(nameof(TextBuffer));

    /// <summary>Room for <paramref name="count"/> more characters, after <see cref="Length"/>; commit what
    /// was written with <see cref="Advance"/>.</summary>
    public Span<char> GetSpan(int count)
    {
        var current = Chars;
        if (count > current.Length - Length)
        {
            var grown = ArrayPool<char>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(2L * current.Length, (long)Length + count)));
            current.AsSpan(0, Length).CopyTo(grown);
            ArrayPool<char>.Shared.Return(current);
            _chars = current = grown;
        }

        return current.AsSpan(Length, count);
    }

    /// <summary>Commits <paramref name="count"/> characters written into the last <see cref="GetSpan"/>.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Appends characters.</summary>
    public void Append(ReadOnlySpan<char> text)
    {
        text.CopyTo(GetSpan(text.Length));
        Length += text.Length;
    }

    /// <summary>The text as one string.</summary>
    public override string ToString() => new(Chars, 0, Length);

    public void Dispose()
    {
        if (_chars is { } chars)
        {
            _chars = null;
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
