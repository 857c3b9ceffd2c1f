using System.Net;
using System.Text;

namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>The text of an HTML document as a person reads it, plus what travels with it in plaintext:
/// table rows as lines of <c>cell | cell</c>, block elements as line breaks, entities decoded, the text of
/// comments (a client hides it, but it is in the message) and of <c>alt</c> and <c>title</c> attributes
/// (shown when images are off or on hover). Scripts and styles are dropped: mail clients never run or
/// show them.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "table", "thead", "tbody", "tfoot", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "pre", "hr", "section", "article", "header", "footer", "title", "dd", "dt", "dl", "address",
        "caption", "form", "fieldset", "nav", "aside", "main", "figure", "figcaption", "body", "html", "head",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockNames = Blocks.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string ToText(string html)
    {
        var text = new StringBuilder(html.Length);
        var cellsInRow = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                AppendDecoded(text, html.AsSpan(i));
                break;
            }

            AppendDecoded(text, html.AsSpan(i, lt - i));
            if (html.AsSpan(lt).StartsWith("<!--"))
            {
                var close = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                var end = close < 0 ? html.Length : close;
                text.Append(' ');
                AppendDecoded(text, html.AsSpan(lt + 4, end - lt - 4));
                text.Append(' ');
                i = close < 0 ? html.Length : close + 3;
                continue;
            }

            var gt = TagEnd(html, lt + 1);
            if (gt < 0)
            {
                // A '<' that opens no tag is text, as browsers show it.
                AppendDecoded(text, html.AsSpan(lt));
                break;
            }

            var tag = html.AsSpan(lt + 1, gt - lt - 1);
            var closing = tag.StartsWith("/");
            var name = TagName(closing ? tag[1..] : tag);
            i = gt + 1;
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var endTag = html.IndexOf("</" + name.ToString(), i, StringComparison.OrdinalIgnoreCase);
                var endTagEnd = endTag < 0 ? -1 : TagEnd(html, endTag + 1);
                i = endTagEnd < 0 ? html.Length : endTagEnd + 1;

                continue;
            }

            if (name.Equals("tr", StringComparison.OrdinalIgnoreCase))
            {
                text.Append('\n');
                cellsInRow = 0;
            }
            else if (!closing && (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase)))
            {
                if (cellsInRow++ > 0)
                {
                    text.Append(" | ");
                }
            }
            else if (BlockNames.Contains(name))
            {
                text.Append('\n');
            }

            if (!closing)
            {
                AppendAttribute(text, tag, "alt");
                AppendAttribute(text, tag, "title");
            }
        }

        return text.ToString();
    }

    private static void AppendDecoded(StringBuilder text, ReadOnlySpan<char> raw)
    {
        if (raw.IsEmpty)
        {
            return;
        }

        text.Append(raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw);
    }

    /// <summary>The '>' ending a tag that starts at <paramref name="start"/> (just after '&lt;'), skipping
    /// quoted attribute values; -1 when none, or when what follows '&lt;' cannot start a tag.</summary>
    private static int TagEnd(string html, int start)
    {
        if (start >= html.Length || !(char.IsAsciiLetter(html[start]) || html[start] is '/' or '!' or '?'))
        {
            return -1;
        }

        var quote = '\0';
        for (var i = start; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag)
    {
        var end = 0;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] is '-' or ':'))
        {
            end++;
        }

        return tag[..end];
    }

    private static void AppendAttribute(StringBuilder text, ReadOnlySpan<char> tag, string attribute)
    {
        var at = 0;
        while (true)
        {
            var found = tag[at..].IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return;
            }

            var index = at + found;
            at = index + attribute.Length;
            if (index == 0 || !char.IsWhiteSpace(tag[index - 1]))
            {
                continue;
            }

            var rest = tag[at..].TrimStart();
            if (rest.IsEmpty || rest[0] != '=')
            {
                continue;
            }

            rest = rest[1..].TrimStart();
            ReadOnlySpan<char> value;
            if (rest.Length > 0 && rest[0] is '"' or '\'')
            {
                var close = rest[1..].IndexOf(rest[0]);
                value = close < 0 ? rest[1..] : rest.Slice(1, close);
            }
            else
            {
                var close = rest.IndexOfAny(' ', '\t', '\n');
                value = close < 0 ? rest : rest[..close];
            }

            text.Append(' ');
            AppendDecoded(text, value);
            text.Append(' ');
            return;
        }
    }
}
