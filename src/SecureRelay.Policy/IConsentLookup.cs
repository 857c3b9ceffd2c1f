namespace SecureRelay.Policy;

/// <summary>Answers whether a recipient has a recorded, unrevoked, unexpired authorization.</summary>
public interface IConsentLookup
{
    /// <summary>True when <paramref name="recipient"/> has an authorization for <paramref name="scope"/> valid at <paramref name="at"/>.</summary>
    bool HasAuthorization(string recipient, string scope, DateTimeOffset at);
}
