using System.Buffers;
using System.Text.RegularExpressions;

namespace SecureRelay.Policy.Phi;

/// <summary>A cheap exact test for a term expression <c>\b(?:t1|t2|...)\b</c> (medication, diagnosis) on
/// texts with few places where a term could begin: smtp-source filler, encoded blobs, tables of numbers.
/// There the NonBacktracking scan still steps through every character (a term starting with X makes every
/// 'X' of filler a candidate), while this visits only the word breaks.</summary>
/// <remarks>A match begins with a term's first character, a word character, so the <c>\b</c> before it
/// needs the start of the text or a non-word character before it; a non-word character is never an ASCII
/// letter, digit or underscore. The candidates are therefore the start of the text and every position
/// after a character that is not an ASCII word character, whose character is a first character of some
/// term (both ASCII cases, plus U+212A KELVIN SIGN for k: the only non-ASCII character case-insensitive
/// matching equates with an ASCII letter, as a test enumerates). Up to <see cref="MaxCandidates"/> of them
/// are each tested with the same alternation anchored there (<c>\G</c>); with more, the caller's scan runs.</remarks>
internal sealed class TermShortcut
{
    private const int MaxCandidates = 32;

    private static readonly SearchValues<char> AsciiWordChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    private readonly SearchValues<char> _firstChars;
    private readonly Regex _anchored;

    private TermShortcut(SearchValues<char> firstChars, Regex anchored)
    {
        _firstChars = firstChars;
        _anchored = anchored;
    }

    /// <summary>The shortcut for the terms whose alternation is <paramref name="alternation"/> (the same text
    /// as inside the term expression), or null when a term begins with anything but an ASCII letter or digit.</summary>
    public static TermShortcut? Create(IEnumerable<string> terms, string alternation)
    {
        var chars = new HashSet<char>();
        foreach (var term in terms.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()))
        {
            var c = term[0];
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return null;
            }

            chars.Add(char.ToLowerInvariant(c));
            chars.Add(char.ToUpperInvariant(c));
            if (c is 'k' or 'K')
            {
                chars.Add('\u212A');
            }
        }

        return chars.Count == 0
            ? null
            : new TermShortcut(
                SearchValues.Create([.. chars]),
                new Regex(@"\G\b(?:" + alternation + @")\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(Patterns.TimeoutMs)));
    }

    /// <summary>False only when the term expression has no match in <paramref name="text"/>.</summary>
    public bool MayMatch(string text)
    {
        var span = text.AsSpan();
        if (span.IsEmpty)
        {
            return false;
        }

        Span<int> candidates = stackalloc int[MaxCandidates];
        var count = 0;
        if (_firstChars.Contains(span[0]))
        {
            candidates[count++] = 0;
        }

        var from = 0;
        while (from < span.Length)
        {
            var i = span[from..].IndexOfAnyExcept(AsciiWordChars);
            if (i < 0)
            {
                break;
            }

            var next = from + i + 1;
            if (next < span.Length && _firstChars.Contains(span[next]))
            {
                if (count == MaxCandidates)
                {
                    return true; // many word starts (prose): let the expression scan
                }

                candidates[count++] = next;
            }

            from = next;
        }

        foreach (var at in candidates[..count])
        {
            if (_anchored.IsMatch(text, at))
            {
                return true;
            }
        }

        return false;
    }
}
