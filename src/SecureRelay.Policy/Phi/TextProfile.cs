using System.Buffers;

namespace SecureRelay.Policy.Phi;

/// <summary>Cheap facts about one extracted text, computed in one vectorized pass over its digit runs
/// before the detectors run, so that a detector whose expression needs a digit shape the text lacks is
/// skipped without running its expression (the SSN, MBI and dotted ICD-10 expressions start at digits,
/// and on long texts with many digits they were among the costliest). Every fact is a necessary
/// condition only: a detector is skipped only when it provably cannot fire; otherwise it runs exactly
/// as before, so verdicts, scores and fired lists do not change.</summary>
/// <remarks>The facts count ASCII digits, but the expressions' <c>\d</c> also matches the other Unicode
/// decimal digits (Arabic-Indic, fullwidth...). A text containing one is <see cref="Conservative"/>: every
/// fact is true and every detector runs.</remarks>
internal sealed class TextProfile
{
    private static readonly SearchValues<char> NonAsciiDigits = SearchValues.Create(BuildNonAsciiDigits());

    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t,:#-|–");

    private bool? _hasDigitShapes;
    private bool? _hasLowercase;
    private bool? _hasSeparator;
    private bool _ssnShape;
    private bool _nineDigitRun;
    private bool _mbiShape;
    private int _dottedIcd10Candidates;

    public TextProfile(string text)
    {
        Text = text;
        var span = text.AsSpan();
        var firstNonAscii = span.IndexOfAnyExceptInRange('\0', '\x7f');
        Conservative = firstNonAscii >= 0 && span[firstNonAscii..].IndexOfAny(NonAsciiDigits) >= 0;
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>The text holds a non-ASCII decimal digit: the digit facts cannot vouch for it, run every detector.</summary>
    public bool Conservative { get; }

    /// <summary>A lower-case letter occurs (any non-ASCII character counts, conservatively): every name
    /// found in prose, every greeting and every label written in ordinary case needs one.</summary>
    public bool HasLowercase => _hasLowercase ??= Text.AsSpan().IndexOfAnyInRange('a', 'z') >= 0 || Text.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f') >= 0;

    /// <summary>A separator between two words occurs (space, tab, comma, colon, '#', '-', '|'): a name
    /// pair, a label and its value, a table cell all need one.</summary>
    public bool HasSeparator => _hasSeparator ??= Text.AsSpan().IndexOfAny(Separators) >= 0;

    /// <summary>One of <paramref name="words"/> occurs, compared ignoring case.</summary>
    public bool Contains(SearchValues<string> words) => Text.AsSpan().ContainsAny(words);

    /// <summary>Digit runs of lengths 3, 2 and 4 joined by the same '-' or ' ' (the shape of <see cref="Patterns.Ssn"/>).</summary>
    public bool SsnShape => Conservative || (ScanDigits() && _ssnShape);

    /// <summary>A digit run of exactly nine (the number of <see cref="Patterns.SsnLabelled"/>).</summary>
    public bool NineDigitRun => Conservative || (ScanDigits() && _nineDigitRun);

    /// <summary>The first four characters of an MBI (<see cref="Patterns.Mbi"/>) occur somewhere.</summary>
    public bool MbiShape => Conservative || (ScanDigits() && _mbiShape);

    /// <summary>At least three places could start a dotted ICD-10 code (<see cref="Patterns.Icd10Dotted"/>).</summary>
    public bool ThreeDottedIcd10Candidates => Conservative || (ScanDigits() && _dottedIcd10Candidates >= 3);

    internal static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool IsMbiLetter(char c) => c is >= 'A' and <= 'Z' and not ('B' or 'I' or 'L' or 'O' or 'S' or 'Z');

    /// <summary>One pass over the runs of ASCII digits, establishing every digit fact at once.</summary>
    private bool ScanDigits()
    {
        if (_hasDigitShapes is { } done)
        {
            return done;
        }

        var span = Text.AsSpan();
        int prevStart = -1, prevLength = 0, prev2Start = -1, prev2Length = 0;
        var offset = 0;
        while (offset < span.Length)
        {
            var i = span[offset..].IndexOfAnyInRange('0', '9');
            if (i < 0)
            {
                break;
            }

            // Runs are short (a few digits): finding their end char by char beats another vectorized call.
            var start = offset + i;
            var end = start + 1;
            while (end < span.Length && char.IsAsciiDigit(span[end]))
            {
                end++;
            }

            var length = end - start;

            // Ssn: \b\d{3}([- ])\d{2}\1\d{4}\b. The \b before and the separator after make the first run
            // exactly 3 long; the separators bound the middle run to exactly 2; the \b after (a digit
            // is a word character) bounds the last run to exactly 4.
            if (length == 4 && prevLength == 2 && prev2Length == 3
                && prevStart == prev2Start + 4 && start == prevStart + 3
                && span[prevStart - 1] is '-' or ' ' && span[start - 1] == span[prevStart - 1])
            {
                _ssnShape = true;
            }

            // SsnLabelled: \W{0,6}(\d{9})(?!\d) after a label ending in a letter, '#' or '.': the nine
            // digits are a whole run.
            if (length == 9)
            {
                _nineDigitRun = true;
            }

            // Mbi: \b[1-9][MBI letter][MBI letter or digit]\d... The first digit starts a run (\b before it).
            if (span[start] != '0' && start + 3 < span.Length && IsMbiLetter(span[start + 1])
                && (IsMbiLetter(span[start + 2]) || char.IsAsciiDigit(span[start + 2])) && char.IsAsciiDigit(span[start + 3])
                && (start == 0 || !IsAsciiWordChar(span[start - 1])))
            {
                _mbiShape = true;
            }

            // Icd10Dotted: (?<=(?<![A-Za-z0-9.])[A-TV-Z])\d[0-9AB]\.: a letter right before the first
            // digit, so each match starts its own run and three matches need three such runs.
            if (start >= 1 && span[start - 1] is >= 'A' and <= 'Z' and not 'U'
                && (start == 1 || !(char.IsAsciiLetterOrDigit(span[start - 2]) || span[start - 2] == '.'))
                && start + 2 < span.Length && span[start + 2] == '.'
                && (char.IsAsciiDigit(span[start + 1]) || span[start + 1] is 'A' or 'B'))
            {
                _dottedIcd10Candidates++;
            }

            prev2Start = prevStart;
            prev2Length = prevLength;
            prevStart = start;
            prevLength = length;
            offset = end;
        }

        _hasDigitShapes = true;
        return true;
    }

    /// <summary>Every Unicode decimal digit outside 0-9 (what <c>\d</c> matches beyond ASCII).</summary>
    internal static char[] BuildNonAsciiDigits()
    {
        var list = new List<char>();
        for (var c = 0x80; c <= char.MaxValue; c++)
        {
            if (char.IsDigit((char)c))
            {
                list.Add((char)c);
            }
        }

        return [.. list];
    }
}
