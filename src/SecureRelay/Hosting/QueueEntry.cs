using SecureRelay.Spool;

namespace SecureRelay.Hosting;

/// <summary>One queue entry as the admin API shows it (like a mailq line): envelope addresses and
/// states, never content or subject.</summary>
public sealed record QueueEntry(
    string Id,
    string State,
    DateTimeOffset ReceivedAt,
    DateTimeOffset NextAttempt,
    int Attempts,
    long Size,
    string Sender,
    IReadOnlyList<QueueRecipient> Recipients)
{
    /// <summary>Maps a spool message.</summary>
    public static QueueEntry From(QueuedMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new QueueEntry(
            m.QueueId,
            m.State.ToString().ToLowerInvariant(),
            m.Envelope.ReceivedAt,
            m.NextAttempt,
            m.Attempts,
            m.ContentLength,
            m.Envelope.ReversePath,
            m.Recipients.Select(r => new QueueRecipient(m.Envelope.Recipients[r.Index].Address, r.State.ToString().ToLowerInvariant(), r.Attempts, r.LastResponse)).ToArray());
    }
}
