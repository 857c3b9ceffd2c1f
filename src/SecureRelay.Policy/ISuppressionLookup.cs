namespace SecureRelay.Policy;

/// <summary>Answers whether a recipient (or its domain) is on the suppression list.</summary>
public interface ISuppressionLookup
{
    /// <summary>True when <paramref name="recipient"/> must not receive marketing.</summary>
    bool IsSuppressed(string recipient);
}
