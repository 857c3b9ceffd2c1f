using System.Globalization;

namespace SecureRelay.Delivery.Scheduling;

/// <summary>RFC 3463 enhanced status codes from SMTP replies.</summary>
internal static class StatusText
{
    /// <summary>The enhanced status at the start of <paramref name="text"/> when its class matches the
    /// reply code, else the generic <c>c.0.0</c> for the reply class.</summary>
    public static string Enhanced(int code, string text)
    {
        int cls = code / 100;
        ReadOnlySpan<char> s = text.AsSpan().TrimStart();
        int end = s.IndexOfAny(' ', '\t');
        ReadOnlySpan<char> token = end < 0 ? s : s[..end];
        string[] parts = token.ToString().Split('.');
        if (parts.Length == 3
            && parts[0] == cls.ToString(CultureInfo.InvariantCulture)
            && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit)))
        {
            return token.ToString();
        }

        return cls is 2 or 4 or 5 ? $"{cls}.0.0" : "4.0.0";
    }
}
