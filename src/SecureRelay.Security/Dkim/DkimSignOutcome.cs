namespace SecureRelay.Security.Dkim;

/// <summary>What <see cref="DkimSigningService.Sign"/> did.</summary>
/// <param name="Signed">Whether at least one DKIM-Signature was added.</param>
/// <param name="Domain">The <c>d=</c> domain used, when signed.</param>
/// <param name="Selectors">The selectors used (one per signature), empty when not signed.</param>
public sealed record DkimSignOutcome(bool Signed, string? Domain, IReadOnlyList<string> Selectors)
{
    /// <summary>No key matched; the message was left unsigned.</summary>
    public static DkimSignOutcome NotSigned { get; } = new(false, null, []);
}
