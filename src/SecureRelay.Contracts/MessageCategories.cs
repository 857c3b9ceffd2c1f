namespace SecureRelay.Contracts;

/// <summary>Names of <see cref="MessageCategory"/> as written in headers and <c>policy.yaml</c>.</summary>
public static class MessageCategories
{
    /// <summary>The accepted names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["treatment", "operations", "payment", "marketing"];

    /// <summary>The lower-case name; <c>unspecified</c> for <see cref="MessageCategory.Unspecified"/>.</summary>
    public static string ToName(this MessageCategory category) => category switch
    {
        MessageCategory.Treatment => "treatment",
        MessageCategory.Operations => "operations",
        MessageCategory.Payment => "payment",
        MessageCategory.Marketing => "marketing",
        _ => "unspecified",
    };

    /// <summary>Parses a name, ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? name, out MessageCategory category)
    {
        category = name?.Trim().ToLowerInvariant() switch
        {
            "treatment" => MessageCategory.Treatment,
            "operations" => MessageCategory.Operations,
            "payment" => MessageCategory.Payment,
            "marketing" => MessageCategory.Marketing,
            _ => MessageCategory.Unspecified,
        };
        return category != MessageCategory.Unspecified;
    }
}
