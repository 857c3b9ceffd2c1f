namespace SecureRelay.Spool;

/// <summary>Streams one message's content into the spool. Disposing without
/// <see cref="CommitAsync"/> discards it.</summary>
public interface ISpoolWriter : IAsyncDisposable
{
    /// <summary>Bytes written so far.</summary>
    long Length { get; }

    /// <summary>Appends content (sealed before it touches the disk).</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Stores the envelope with the content and returns once both are fsync'ed
    /// (group commit: one fsync serves every message committed meanwhile).</summary>
    /// <exception cref="SpoolException">The spool could not store it (maps to a 4xx reply).</exception>
    ValueTask<QueuedMessage> CommitAsync(SpoolEnvelope envelope, CancellationToken cancellationToken);
}
