using System.Globalization;
using System.Text;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>Text of an RTF document: control words dropped, groups that are not text (font and colour
/// tables, pictures, embedded objects, <c>\*</c> destinations) skipped, <c>\'hh</c> decoded in the
/// document's ANSI code page, <c>\uN</c> as Unicode, paragraphs and table rows as lines, cells as
/// <c> | </c>.</summary>
internal static class RtfTextReader
{
    private static readonly HashSet<string> SkippedDestinations = new(StringComparer.Ordinal)
    {
        "fonttbl", "colortbl", "stylesheet", "pict", "object", "themedata", "colorschememapping", "datastore",
        "xmlnstbl", "listtable", "listoverridetable", "rsidtbl", "generator", "latentstyles", "filetbl", "revtbl",
        "objdata", "blipuid", "fldinst",
    };

    static RtfTextReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Read(string rtf, ClassificationBudget budget)
    {
        var text = new StringBuilder(rtf.Length / 2);
        var codePage = Encoding.Latin1;
        var skipDepth = int.MaxValue;
        var depth = 0;
        var unicodeSkip = 1;
        var pendingSkip = 0;
        var groupStart = false;
        var i = 0;
        while (i < rtf.Length)
        {
            if ((i & 0xFFFF) == 0)
            {
                budget.Check();
            }

            var c = rtf[i];
            if (c == '{')
            {
                depth++;
                groupStart = true;
                i++;
                continue;
            }

            if (c == '}')
            {
                if (depth == skipDepth)
                {
                    skipDepth = int.MaxValue;
                }

                depth--;
                groupStart = false;
                i++;
                continue;
            }

            var skipping = depth >= skipDepth;
            if (c == '\\' && i + 1 < rtf.Length)
            {
                var next = rtf[i + 1];
                if (next == '*')
                {
                    // An optional destination: readers that do not know it skip it, and so do we (what
                    // Word keeps there is markup, not text a person reads).
                    if (groupStart && depth < skipDepth)
                    {
                        skipDepth = depth;
                    }

                    i += 2;
                    continue;
                }

                if (next == '\'' && i + 3 < rtf.Length)
                {
                    if (!skipping && pendingSkip == 0 && byte.TryParse(rtf.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
                    {
                        text.Append(codePage.GetString([b]));
                    }

                    pendingSkip = Math.Max(0, pendingSkip - 1);
                    i += 4;
                    groupStart = false;
                    continue;
                }

                if (!char.IsAsciiLetter(next))
                {
                    if (!skipping)
                    {
                        text.Append(next switch { '~' => '\u00A0', '_' => '-', '-' => '\0', '\r' or '\n' => '\n', _ => next });
                    }

                    i += 2;
                    groupStart = false;
                    continue;
                }

                var start = i + 1;
                var end = start;
                while (end < rtf.Length && char.IsAsciiLetter(rtf[end]))
                {
                    end++;
                }

                var word = rtf[start..end];
                var numberStart = end;
                if (end < rtf.Length && rtf[end] == '-')
                {
                    end++;
                }

                while (end < rtf.Length && char.IsAsciiDigit(rtf[end]))
                {
                    end++;
                }

                int? parameter = end > numberStart && int.TryParse(rtf.AsSpan(numberStart, end - numberStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p) ? p : null;
                if (end < rtf.Length && rtf[end] == ' ')
                {
                    end++;
                }

                i = end;
                if (groupStart && SkippedDestinations.Contains(word) && depth < skipDepth)
                {
                    skipDepth = depth;
                }

                groupStart = false;
                switch (word)
                {
                    case "bin" when parameter is > 0:
                        i = (int)Math.Min(rtf.Length, (long)i + parameter.Value);
                        break;
                    case "ansicpg" when parameter is > 0:
                        codePage = CodePage(parameter.Value);
                        break;
                    case "uc" when parameter is >= 0:
                        unicodeSkip = parameter.Value;
                        break;
                    case "u" when parameter is not null:
                        if (!skipping)
                        {
                            text.Append((char)(short)parameter.Value);
                        }

                        pendingSkip = unicodeSkip;
                        break;
                    case "par" or "line" or "row" or "sect" or "page" when !skipping:
                        text.Append('\n');
                        break;
                    case "cell" when !skipping:
                        text.Append(" | ");
                        break;
                    case "tab" when !skipping:
                        text.Append('\t');
                        break;
                }

                continue;
            }

            groupStart = false;
            i++;
            if (c is '\r' or '\n')
            {
                continue;
            }

            if (pendingSkip > 0)
            {
                pendingSkip--;
                continue;
            }

            if (!skipping)
            {
                text.Append(c);
            }
        }

        return text.Replace("\0", "", 0, text.Length).ToString();
    }

    private static Encoding CodePage(int codePage)
    {
        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (ArgumentException)
        {
            return Encoding.Latin1;
        }
        catch (NotSupportedException)
        {
            return Encoding.Latin1;
        }
    }
}
