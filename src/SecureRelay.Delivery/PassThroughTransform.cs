using MimeKit;
using SecureRelay.Spool;

namespace SecureRelay.Delivery;

/// <summary>The default <see cref="IOutboundMessageTransform"/>: sends the message as stored.</summary>
public sealed class PassThroughTransform : IOutboundMessageTransform
{
    /// <inheritdoc />
    public ValueTask<MimeMessage> TransformAsync(QueuedMessage queued, IReadOnlyList<int> recipientIndices, string destination, MimeMessage message, CancellationToken cancellationToken) =>
        ValueTask.FromResult(message);

    /// <inheritdoc />
    public bool PreservesBody => true;
}
