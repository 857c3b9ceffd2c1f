using SecureRelay.Spool;

namespace SecureRelay.Delivery.Scheduling;

/// <summary>One attempt of one message: collects the results of its per-destination transactions so
/// the attempt is recorded once and failures produce one DSN.</summary>
internal sealed class MessageAttempt(QueuedMessage message, int groups)
{
    private readonly List<RecipientResult> _results = [];
    private int _remaining = groups;

    public QueuedMessage Message { get; } = message;

    /// <summary>Some group was not attempted (shutdown); its recipients stay pending, due now.</summary>
    public bool Abandoned { get; private set; }

    public IReadOnlyList<RecipientResult> Results => _results;

    /// <summary>Adds one group's results; returns true when this was the last group.</summary>
    public bool Complete(IEnumerable<RecipientResult> results)
    {
        lock (_results)
        {
            _results.AddRange(results);
        }

        return Interlocked.Decrement(ref _remaining) == 0;
    }

    /// <summary>Marks one group as not attempted; returns true when this was the last group.</summary>
    public bool Abandon()
    {
        Abandoned = true;
        return Interlocked.Decrement(ref _remaining) == 0;
    }
}
