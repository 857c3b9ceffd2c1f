namespace SecureRelay.Spool;

/// <summary>
/// The durable, encrypted message store: the only writer of message state (Postfix's queue
/// manager rule). Thread-safe. Content and envelope are sealed with AES-256-GCM; each record names
/// its key id.
/// </summary>
public interface IMessageSpool : IAsyncDisposable
{
    /// <summary>Opens (creating if needed) the store, runs crash recovery and quarantines damaged
    /// records. Must be called once before anything else.</summary>
    Task<SpoolRecoveryReport> OpenAsync(CancellationToken cancellationToken);

    /// <summary>True while free disk space is under the configured threshold: MAIL gets
    /// <c>452 4.3.1</c> and nothing is accepted.</summary>
    bool IsLowOnDisk { get; }

    /// <summary>Starts a new message. With <paramref name="resumeOnCompletionThread"/>, the code after
    /// <see cref="ISpoolWriter.CommitAsync"/> runs synchronously on the spool's completion thread as soon as
    /// the commit is durable (no thread-pool hop: the SMTP acceptor's 250). Such a caller must leave that
    /// thread quickly (it is shared by every commit) and never block on it.</summary>
    ISpoolWriter CreateWriter(bool resumeOnCompletionThread = false);

    /// <summary>Streams messages matching the query without loading them all at once.</summary>
    IAsyncEnumerable<QueuedMessage> EnumerateAsync(SpoolQuery query, CancellationToken cancellationToken);

    /// <summary>Gets one message, or null when it is not (or no longer) in the queue.</summary>
    ValueTask<QueuedMessage?> GetAsync(string queueId, CancellationToken cancellationToken);

    /// <summary>Opens the decrypted content for reading. Throws <see cref="SpoolException"/> when the
    /// record fails authentication (and quarantines it).</summary>
    ValueTask<Stream> OpenContentAsync(string queueId, CancellationToken cancellationToken);

    /// <summary>Records one attempt's per-recipient outcomes and the message's next state.
    /// When no recipient is left pending, the message is removed. Durable on return.</summary>
    ValueTask<QueuedMessage?> RecordAttemptAsync(string queueId, IReadOnlyList<RecipientOutcome> outcomes, QueueState nextState, DateTimeOffset nextAttempt, CancellationToken cancellationToken);

    /// <summary>Holds a message (admin or policy). Returns false when not found.</summary>
    ValueTask<bool> HoldAsync(string queueId, CancellationToken cancellationToken);

    /// <summary>Releases a held message, or makes a deferred one due now. Returns false when not found.</summary>
    ValueTask<bool> ReleaseAsync(string queueId, CancellationToken cancellationToken);

    /// <summary>Deletes a message (admin). Returns false when not found.</summary>
    ValueTask<bool> DeleteAsync(string queueId, CancellationToken cancellationToken);

    /// <summary>Counts by state.</summary>
    ValueTask<SpoolCounts> CountAsync(CancellationToken cancellationToken);
}
