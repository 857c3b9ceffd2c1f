using System.Diagnostics;

namespace SecureRelay.Policy.Phi;

/// <summary>The time budget of one classification. Checked at every step against the clock as well as
/// the token, because on a starved machine the timer that cancels the token may fire late.</summary>
internal sealed class ClassificationBudget(TimeSpan budget, CancellationToken token)
{
    private readonly long _deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);

    public static ClassificationBudget Unlimited { get; } = new(TimeSpan.FromDays(365), CancellationToken.None);

    public CancellationToken Token { get; } = token;

    /// <summary>Throws <see cref="OperationCanceledException"/> when the token is cancelled or time is up.</summary>
    public void Check()
    {
        Token.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new OperationCanceledException("classification time budget exceeded");
        }
    }
}
