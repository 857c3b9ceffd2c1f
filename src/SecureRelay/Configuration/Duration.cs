using System.Globalization;

namespace SecureRelay.Configuration;

/// <summary>Parses durations written like Postfix time values: <c>300s</c>, <c>5m</c>, <c>4h</c>,
/// <c>5d</c>, <c>1w</c>, or a bare number of seconds.</summary>
public static class Duration
{
    /// <summary>Tries to parse <paramref name="text"/>; false for anything else, negatives included.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        var unit = char.ToLowerInvariant(s[^1]);
        var multiplier = unit switch
        {
            's' => 1.0,
            'm' => 60.0,
            'h' => 3600.0,
            'd' => 86400.0,
            'w' => 604800.0,
            _ => 0.0,
        };
        var number = multiplier == 0 ? s : s[..^1];
        if (multiplier == 0)
        {
            multiplier = 1;
        }

        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || n < 0 || n * multiplier > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(n * multiplier);
        return true;
    }

    /// <summary>Writes <paramref name="value"/> in the largest unit that divides it (<c>5m</c>, <c>4h</c>,
    /// <c>5d</c>), or in seconds.</summary>
    public static string Format(TimeSpan value)
    {
        foreach (var (unit, seconds) in new (char, long)[] { ('w', 604800), ('d', 86400), ('h', 3600), ('m', 60) })
        {
            if (value.Ticks > 0 && value.Ticks % (seconds * TimeSpan.TicksPerSecond) == 0)
            {
                return $"{value.Ticks / (seconds * TimeSpan.TicksPerSecond)}{unit}";
            }
        }

        return value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
