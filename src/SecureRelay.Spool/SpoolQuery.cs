namespace SecureRelay.Spool;

/// <summary>Which messages <see cref="IMessageSpool.EnumerateAsync"/> returns. Empty means all.</summary>
public sealed record SpoolQuery
{
    /// <summary>Only these states, or all when null.</summary>
    public QueueState? State { get; init; }

    /// <summary>Only messages whose next attempt is at or before this time.</summary>
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Only messages with a pending recipient in this domain (case-insensitive).</summary>
    public string? RecipientDomain { get; init; }

    /// <summary>At most this many.</summary>
    public int? Limit { get; init; }
}
