using System.Diagnostics.CodeAnalysis;

namespace SecureRelay.Contracts;

/// <summary>Names of <see cref="DeliveryMethod"/> as written in <c>policy.yaml</c>.</summary>
public static class DeliveryMethods
{
    private static readonly Dictionary<string, DeliveryMethod> ByName = new(StringComparer.Ordinal)
    {
        ["smime"] = DeliveryMethod.Smime,
        ["pgp"] = DeliveryMethod.Pgp,
        ["tls-verified"] = DeliveryMethod.TlsVerified,
        ["tls"] = DeliveryMethod.Tls,
        ["escrow"] = DeliveryMethod.Escrow,
        ["opportunistic"] = DeliveryMethod.Opportunistic,
    };

    /// <summary>All configuration names, in preference order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["smime", "pgp", "tls-verified", "tls", "escrow", "opportunistic"];

    /// <summary>The configuration name of a method (<c>tls-verified</c>).</summary>
    public static string ToName(this DeliveryMethod method) => method switch
    {
        DeliveryMethod.Smime => "smime",
        DeliveryMethod.Pgp => "pgp",
        DeliveryMethod.TlsVerified => "tls-verified",
        DeliveryMethod.Tls => "tls",
        DeliveryMethod.Escrow => "escrow",
        DeliveryMethod.Opportunistic => "opportunistic",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "unknown delivery method"),
    };

    /// <summary>Parses a configuration name (exact, lower case).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out DeliveryMethod? method)
    {
        if (name is not null && ByName.TryGetValue(name, out var m))
        {
            method = m;
            return true;
        }

        method = null;
        return false;
    }
}
