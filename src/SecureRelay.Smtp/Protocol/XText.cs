using System.Text;

namespace SecureRelay.Smtp.Protocol;

/// <summary>xtext decoding (RFC 3461 §4).</summary>
internal static class XText
{
    /// <summary>
    /// <code>
    /// xtext   = *( xchar / hexchar )
    /// xchar   = any ASCII CHAR between "!" (33) and "~" (126) inclusive, except for "+" and "=".
    /// hexchar = ASCII "+" immediately followed by two upper case hexadecimal digits
    /// </code>
    /// Returns null when <paramref name="value"/> is not valid xtext.
    /// </summary>
    public static string? Decode(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '+')
            {
                if (i + 2 >= value.Length || !IsUpperHex(value[i + 1]) || !IsUpperHex(value[i + 2]))
                {
                    return null;
                }

                builder.Append((char)Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c is < '!' or > '~' or '=')
            {
                return null;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsUpperHex(char c) => c is (>= '0' and <= '9') or (>= 'A' and <= 'F');
}
