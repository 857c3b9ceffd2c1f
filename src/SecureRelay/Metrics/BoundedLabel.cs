using System.Collections.Concurrent;

namespace SecureRelay.Metrics;

/// <summary>Keeps a label's cardinality bounded: the first <c>capacity</c> distinct values pass
/// (lower-cased), later ones become <c>other</c>. Protects Prometheus from unbounded series.</summary>
public sealed class BoundedLabel
{
    /// <summary>The value used once the set is full.</summary>
    public const string Other = "other";

    private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _capacity;

    /// <summary>Creates a label set holding at most <paramref name="capacity"/> values.</summary>
    public BoundedLabel(int capacity) => _capacity = capacity;

    /// <summary>The label value for <paramref name="value"/>.</summary>
    public string Get(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "none";
        }

        if (_seen.TryGetValue(value, out var known))
        {
            return known;
        }

        if (_seen.Count >= _capacity)
        {
            return Other;
        }

        return _seen.GetOrAdd(value, v => v.ToLowerInvariant());
    }
}
