namespace SecureRelay.Policy.Stores;

/// <summary>A recorded HIPAA authorization of a recipient for a purpose (scope).</summary>
/// <param name="Id">Row id.</param>
/// <param name="Recipient">The recipient address (lower case).</param>
/// <param name="Scope">What it authorizes, e.g. <c>marketing</c>.</param>
/// <param name="GrantedAt">When it was given.</param>
/// <param name="ExpiresAt">When it ends, or null.</param>
/// <param name="RevokedAt">When it was revoked, or null.</param>
/// <param name="Source">Where it was recorded (form id, import file), or null.</param>
public sealed record ConsentRecord(long Id, string Recipient, string Scope, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? Source)
{
    /// <summary>Whether the authorization is in force at <paramref name="at"/>.</summary>
    public bool IsValidAt(DateTimeOffset at) => GrantedAt <= at && (ExpiresAt is null || at < ExpiresAt) && (RevokedAt is null || at < RevokedAt);
}
