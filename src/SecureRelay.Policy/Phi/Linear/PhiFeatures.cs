using SecureRelay.Policy.Phi.Lexicons;

namespace SecureRelay.Policy.Phi.Linear;

/// <summary>Turns what the rules saw into the linear model's hashed features: lower-cased word unigrams and
/// bigrams of the text a person reads (header values skipped, subjects kept), with numbers, dates and codes
/// reduced to shape tokens (<c>&lt;num&gt;</c>, <c>&lt;date&gt;</c>, <c>&lt;code&gt;</c>) and capitalised
/// unambiguous names from the name list to <c>&lt;name&gt;</c>; plus one feature per rule detector that fired
/// and one for the rules' verdict. Words weigh 1/√(word count) each (long and short mail on one scale),
/// rule features 1. No string is allocated per token: tokens are hashed (FNV-1a) as they are read.</summary>
internal static class PhiFeatures
{
    /// <summary>Size of the hashed feature space (2^18: few collisions for a few tens of thousands of
    /// distinct word pairs; 1 MB of weights).</summary>
    public const int Buckets = 1 << 18;

    /// <summary>At most this many characters of text are read (the model is a second opinion on the
    /// message's opening, where who and what it is about is said; the rules read everything).</summary>
    public const int MaxChars = 64 * 1024;

    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const uint NumToken = 0x6E756D3E;
    private const uint DateToken = 0x64617465;
    private const uint CodeToken = 0x636F6465;
    private const uint NameToken = 0x6E616D65;

    /// <summary>Sends every feature of a message to <paramref name="sink"/>: words (each to be weighed
    /// 1/√(word count), in text order; a bucket may come more than once and its values add up), then rule
    /// features (weighed 1). Returns the word count.</summary>
    public static int Collect<TSink>(ExtractedText extracted, IReadOnlyList<Evidence> evidence, PhiVerdict rules, Lexicon lexicon, ref TSink sink)
        where TSink : IFeatureSink
    {
        var text = extracted.Text.AsSpan(0, Math.Min(extracted.Text.Length, MaxChars));
        var words = Words(text, extracted.Headers, lexicon, ref sink);
        foreach (var e in evidence)
        {
            sink.Rule(Bucket(Hash(Hash(FnvOffset, 'e'), e.Detector)));
        }

        sink.Rule(Bucket(Hash(Hash(FnvOffset, 'v'), rules switch { PhiVerdict.Phi => "Phi", PhiVerdict.Uncertain => "Uncertain", _ => "Clean" })));
        return words;
    }

    /// <summary>The bucket of a word's hash as a unigram.</summary>
    private static int Bucket(uint hash) => (int)(hash & (Buckets - 1));

    private static uint Hash(uint hash, char c) => (hash ^ c) * FnvPrime;

    private static uint Hash(uint hash, string s)
    {
        foreach (var c in s)
        {
            hash = Hash(hash, c);
        }

        return hash;
    }

    /// <summary>Walks the words outside the header ranges (no bigram spans a header); returns how many there were.</summary>
    private static int Words<TSink>(ReadOnlySpan<char> text, IReadOnlyList<Range> headers, Lexicon lexicon, ref TSink sink)
        where TSink : IFeatureSink
    {
        var count = 0;
        var from = 0;
        foreach (var header in headers)
        {
            var start = Math.Min(header.Start.Value, text.Length);
            if (start > from)
            {
                count += Segment(text[from..start], lexicon, ref sink);
            }

            from = Math.Max(from, Math.Min(header.End.Value, text.Length));
        }

        return from < text.Length ? count + Segment(text[from..], lexicon, ref sink) : count;
    }

    private static int Segment<TSink>(ReadOnlySpan<char> text, Lexicon lexicon, ref TSink sink)
        where TSink : IFeatureSink
    {
        var count = 0;
        uint previous = 0;
        var hasPrevious = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            // A run of letters, digits and the punctuation inside numbers, dates and codes.
            var start = i;
            var digits = false;
            var letters = false;
            while (i < text.Length && (IsWordChar(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                digits |= char.IsAsciiDigit(text[i]);
                letters |= !char.IsAsciiDigit(text[i]) && !IsJoiner(text[i]);
                i++;
            }

            var run = text[start..i];
            if (digits)
            {
                var shape = !letters ? (IsDate(run) ? DateToken : NumToken) : CodeToken;
                Word(ref sink, shape, previous, hasPrevious);
                previous = shape;
                hasPrevious = true;
                count++;
                continue;
            }

            // Letters only: each letter run is a word ("follow-up" is two).
            var w = 0;
            while (w < run.Length)
            {
                if (IsJoiner(run[w]))
                {
                    w++;
                    continue;
                }

                var first = w;
                while (w < run.Length && !IsJoiner(run[w]))
                {
                    w++;
                }

                var hash = WordHash(run[first..w], lexicon);
                Word(ref sink, hash, previous, hasPrevious);
                previous = hash;
                hasPrevious = true;
                count++;
            }
        }

        return count;
    }

    /// <summary>A capitalised unambiguous name is <c>&lt;name&gt;</c>; any other word its lower-cased FNV-1a hash.</summary>
    private static uint WordHash(ReadOnlySpan<char> word, Lexicon lexicon)
    {
        if (word.Length > 1 && char.IsUpper(word[0]) && lexicon.IsUnambiguousName(word))
        {
            return NameToken;
        }

        var hash = FnvOffset;
        foreach (var ch in word)
        {
            hash = Hash(hash, char.IsAscii(ch) ? (char)(ch | (char.IsAsciiLetterUpper(ch) ? 0x20 : 0)) : char.ToLowerInvariant(ch));
        }

        return hash;
    }

    private static bool IsWordChar(char c) => char.IsAscii(c) ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static bool IsJoiner(char c) => c is '/' or '.' or '-' or ',' or '\'';

    /// <summary>Three digit groups joined by '/' or '-' (1/2/2024, 2024-01-02), or two by '/' (01/24).</summary>
    private static bool IsDate(ReadOnlySpan<char> run)
    {
        var groups = 1;
        foreach (var c in run)
        {
            if (c is '/' or '-')
            {
                groups++;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return groups == 3 || (groups == 2 && run.Contains('/'));
    }

    /// <summary>A word's unigram and, after another word, the pair's bigram.</summary>
    private static void Word<TSink>(ref TSink sink, uint hash, uint previous, bool hasPrevious)
        where TSink : IFeatureSink
    {
        sink.Word(Bucket(Hash(Hash(hash, 'w'), 'u')));
        if (hasPrevious)
        {
            sink.Word(Bucket(Hash((previous * 0x9E3779B1u) ^ hash, 'b')));
        }
    }

    /// <summary>Receives the features of one message (a struct sink is called without dispatch).</summary>
    public interface IFeatureSink
    {
        /// <summary>One occurrence of a word feature.</summary>
        void Word(int bucket);

        /// <summary>A rule feature (a detector that fired, the rules' verdict).</summary>
        void Rule(int bucket);
    }
}
