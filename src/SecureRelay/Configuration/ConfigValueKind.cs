namespace SecureRelay.Configuration;

/// <summary>How a configuration value is written in YAML.</summary>
public enum ConfigValueKind
{
    /// <summary>A single value: text, number, boolean, one of a set of words, duration, endpoint, network.</summary>
    Scalar,

    /// <summary>A sequence (<c>[a, b]</c> or <c>- a</c> items).</summary>
    List,

    /// <summary>A mapping from free-form names (domains) to values.</summary>
    Map,

    /// <summary>A mapping with fixed keys: an options type.</summary>
    Section,
}
