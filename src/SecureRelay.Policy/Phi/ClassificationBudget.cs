using System.Diagnostics;

namespace SecureRelay.Policy.Phi;

/// <summary>The time budget of one classification. Checked at every step against the clock as well as
/// the token, because on a starved machine the timer that cancels the token may fire late. OCR, which has its
/// own bound, moves the deadline by the time it took (<see cref="Extend"/>).</summary>
internal sealed class ClassificationBudget(TimeSpan budget, CancellationToken token, CancellationTokenSource? source = null)
{
    private long _deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);

    public static ClassificationBudget Unlimited { get; } = new(TimeSpan.FromDays(365), CancellationToken.None);

    public CancellationToken Token { get; } = token;

    /// <summary>Time left before the deadline (zero when past it).</summary>
    public TimeSpan Remaining =>
        TimeSpan.FromSeconds(Math.Max(0, Interlocked.Read(ref _deadline) - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);

    /// <summary>Throws <see cref="OperationCanceledException"/> when the token is cancelled or time is up.</summary>
    public void Check()
    {
        Token.ThrowIfCancellationRequested();
        if (Stopwatch.GetTimestamp() > Interlocked.Read(ref _deadline))
        {
            throw new OperationCanceledException("classification time budget exceeded");
        }
    }

    /// <summary>Moves the deadline by <paramref name="time"/> (negative: earlier), and the timer of the source
    /// whose token this budget carries with it.</summary>
    public void Extend(TimeSpan time)
    {
        Interlocked.Add(ref _deadline, (long)(time.TotalSeconds * Stopwatch.Frequency));
        try
        {
            if (source is { IsCancellationRequested: false })
            {
                source.CancelAfter(Remaining);
            }
        }
        catch (ObjectDisposedException)
        {
            // Abandoned work after the classifier stopped waiting: nothing is bounded by this budget any more.
        }
    }
}
