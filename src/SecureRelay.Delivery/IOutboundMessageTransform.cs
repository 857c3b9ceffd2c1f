using MimeKit;
using SecureRelay.Spool;

namespace SecureRelay.Delivery;

/// <summary>
/// Seam for per-destination message changes just before sending (later: S/MIME or PGP per recipient
/// method, then DKIM signing last). The default passes the message through unchanged.
/// </summary>
public interface IOutboundMessageTransform
{
    /// <summary>Returns the message to send to <paramref name="recipientIndices"/> of
    /// <paramref name="queued"/> at <paramref name="destination"/> (may be the same instance).</summary>
    ValueTask<MimeMessage> TransformAsync(QueuedMessage queued, IReadOnlyList<int> recipientIndices, string destination, MimeMessage message, CancellationToken cancellationToken);

    /// <summary>True when the transform never changes a message's body, so what the SMTP server saw
    /// of the content (<see cref="ContentFacts"/>) still holds for the copy that is sent.</summary>
    bool PreservesBody => false;
}
