namespace SecureRelay.Delivery;

/// <summary>The retry schedule after temporary failures: an explicit list, or base doubling up to a cap.</summary>
public sealed class RetryOptions
{
    /// <summary>Delay before the first retry; doubled for each further one. Default 5 min.</summary>
    public TimeSpan Base { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest delay between attempts. Default 4 h.</summary>
    public TimeSpan Max { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Explicit delays (first retry, second, …; the last repeats). When non-empty it replaces
    /// <see cref="Base"/>/<see cref="Max"/>.</summary>
    public List<TimeSpan> Intervals { get; set; } = [];

    /// <summary>The delay after the given number of failed attempts (1 = after the first attempt).</summary>
    public TimeSpan DelayAfter(int failedAttempts)
    {
        int n = Math.Max(1, failedAttempts);
        if (Intervals.Count > 0)
        {
            return Intervals[Math.Min(n, Intervals.Count) - 1];
        }

        // Doubling overflows quickly; stop at the cap instead of computing 2^n.
        TimeSpan delay = Base;
        for (int i = 1; i < n && delay < Max; i++)
        {
            delay += delay;
        }

        return delay > Max ? Max : delay;
    }
}
