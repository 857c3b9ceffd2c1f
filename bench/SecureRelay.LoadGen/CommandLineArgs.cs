using System.Globalization;

namespace SecureRelay.LoadGen;

/// <summary>
/// Minimal `--name value` / `--flag` parser. Every option read is remembered so that a misspelt
/// option is reported instead of being silently ignored (a benchmark run with a default it did not
/// ask for produces misleading figures).
/// </summary>
internal sealed class CommandLineArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandLineArgs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length < 3)
            {
                throw new ArgumentException($"unexpected argument '{a}' (options are --name value)");
            }

            var name = a[2..];
            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _values[name] = args[++i];
            }
            else
            {
                _values[name] = "true";
            }
        }
    }

    /// <summary>Returns a string option, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var v) ? v : fallback;
    }

    /// <summary>Returns an integer option within [min, max].</summary>
    public int GetInt(string name, int fallback, int min, int max)
    {
        var d = GetDouble(name, fallback, min, max);
        if (d != Math.Floor(d))
        {
            throw new ArgumentException($"--{name} must be an integer");
        }

        return (int)d;
    }

    /// <summary>Returns a number option within [min, max].</summary>
    public double GetDouble(string name, double fallback, double min, double max)
    {
        _used.Add(name);
        if (!_values.TryGetValue(name, out var s))
        {
            return fallback;
        }

        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            throw new ArgumentException($"--{name} must be a number in [{min}, {max}], got '{s}'");
        }

        return v;
    }

    /// <summary>Returns true when the flag is present (or given as true/1).</summary>
    public bool GetFlag(string name)
    {
        _used.Add(name);
        return _values.TryGetValue(name, out var v) && (v == "true" || v == "1");
    }

    /// <summary>Throws when an option was given that no mode reads.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException("unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
        }
    }
}
