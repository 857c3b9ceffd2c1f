using System.Globalization;
using System.Net;

namespace SecureRelay.Configuration;

/// <summary>Reads and writes the single values of the configuration: text, whole and decimal numbers,
/// booleans, enum words (<c>starttls</c>), Postfix-style durations (<c>300s</c>, <c>5m</c>), endpoints
/// (<c>address:port</c>) and networks (<c>10.0.0.0/8</c>).</summary>
public static class ConfigScalar
{
    private static readonly Type[] Types =
        [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(TimeSpan), typeof(IPEndPoint), typeof(IPNetwork)];

    /// <summary>Whether <paramref name="type"/> is written as one value.</summary>
    public static bool IsScalar(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsEnum || Types.Contains(t);
    }

    /// <summary>Parses <paramref name="text"/> as a value of <paramref name="type"/>; on failure
    /// <paramref name="error"/> says what was expected.</summary>
    public static bool TryParse(string text, Type type, out object? value, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(type);
        var t = Nullable.GetUnderlyingType(type) ?? type;
        value = null;
        error = "";
        var s = text.Trim();
        if (t == typeof(string))
        {
            value = text;
            return true;
        }

        if (t == typeof(bool))
        {
            value = s.ToLowerInvariant() switch { "true" or "yes" or "on" => true, "false" or "no" or "off" => false, _ => null };
            error = $"'{s}' is not true or false";
        }
        else if (t == typeof(int) || t == typeof(long))
        {
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && (t == typeof(long) || n is >= int.MinValue and <= int.MaxValue))
            {
                value = t == typeof(int) ? (object)(int)n : n;
            }

            error = $"'{s}' is not a whole number{(t == typeof(int) ? $" up to {int.MaxValue}" : "")}";
        }
        else if (t == typeof(double))
        {
            if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            {
                value = d;
            }

            error = $"'{s}' is not a number";
        }
        else if (t == typeof(TimeSpan))
        {
            if (Duration.TryParse(s, out var span))
            {
                value = span;
            }

            error = $"'{s}' is not a duration such as 30s, 5m, 4h, 5d";
        }
        else if (t == typeof(IPEndPoint))
        {
            // IPEndPoint.TryParse accepts a bare address with port 0; we insist on an explicit port.
            if (IPEndPoint.TryParse(s, out var endpoint) && endpoint.Port != 0)
            {
                value = endpoint;
            }

            error = $"'{s}' is not address:port";
        }
        else if (t == typeof(IPNetwork))
        {
            if (IPNetwork.TryParse(s, out var network))
            {
                value = network;
            }
            else if (IPAddress.TryParse(s, out var single))
            {
                value = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            }

            error = $"'{s}' is not a CIDR network such as 127.0.0.0/8";
        }
        else if (t.IsEnum)
        {
            var match = Enum.GetNames(t).FirstOrDefault(n => string.Equals(n, s.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
            value = match is null ? null : Enum.Parse(t, match);
            error = $"'{s}' is not one of {string.Join(", ", EnumWords(t))}";
        }
        else
        {
            throw new ArgumentException($"{t} is not a configuration scalar", nameof(type));
        }

        return value is not null;
    }

    /// <summary>The words an enum is written with.</summary>
    public static IEnumerable<string> EnumWords(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Enum.GetNames(Nullable.GetUnderlyingType(type) ?? type).Select(n => n.ToLowerInvariant());
    }

    /// <summary>Writes a value the way the configuration file takes it (null as the empty string).</summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        TimeSpan t => Duration.Format(t),
        Enum e => e.ToString().ToLowerInvariant(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
