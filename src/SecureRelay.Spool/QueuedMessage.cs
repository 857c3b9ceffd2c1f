namespace SecureRelay.Spool;

/// <summary>A message in the spool as delivery and the queue tools see it (content not included;
/// see <see cref="IMessageSpool.OpenContentAsync"/>).</summary>
public sealed record QueuedMessage
{
    /// <summary>The queue id (short, unique, log-friendly).</summary>
    public required string QueueId { get; init; }

    /// <summary>The envelope.</summary>
    public required SpoolEnvelope Envelope { get; init; }

    /// <summary>Queue state.</summary>
    public required QueueState State { get; init; }

    /// <summary>Not to be tried before this time.</summary>
    public required DateTimeOffset NextAttempt { get; init; }

    /// <summary>Attempts made for the message as a whole.</summary>
    public required int Attempts { get; init; }

    /// <summary>Content length in bytes (plaintext).</summary>
    public required long ContentLength { get; init; }

    /// <summary>Per-recipient state, same order as the envelope.</summary>
    public required IReadOnlyList<RecipientStatus> Recipients { get; init; }
}
