namespace SecureRelay.Policy;

/// <summary>The outcome of <see cref="PolicyStore.TryReload"/>.</summary>
/// <param name="Succeeded">The new policy is now current.</param>
/// <param name="Error">Why not (<c>file:line:col: reason</c>), or null.</param>
public sealed record PolicyReloadResult(bool Succeeded, string? Error);
