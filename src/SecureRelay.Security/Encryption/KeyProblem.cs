namespace SecureRelay.Security.Encryption;

/// <summary>Why no certificate or key can be used for a recipient (no PHI: names only).</summary>
/// <param name="Refusal">The reason.</param>
/// <param name="WkdFailure">For <see cref="RecipientKeyRefusal.WkdLookupFailed"/>: how it failed, when known.</param>
public sealed record KeyProblem(RecipientKeyRefusal Refusal, WkdFailureKind? WkdFailure = null)
{
    /// <summary>The method is not configured.</summary>
    public static KeyProblem NotConfigured { get; } = new(RecipientKeyRefusal.NotConfigured);

    /// <summary>No certificate or key for the address.</summary>
    public static KeyProblem NoAddressMatch { get; } = new(RecipientKeyRefusal.NoAddressMatch);

    /// <summary><c>expired</c>, or <c>wkd_lookup_failed (timeout)</c>: the form audit records and
    /// <c>policy test</c> show.</summary>
    public override string ToString() => WkdFailure is { } kind ? $"{Refusal.ToName()} ({kind.ToName()})" : Refusal.ToName();
}
