using Microsoft.Extensions.Logging;
using SecureRelay.Delivery;
using SecureRelay.Logging;
using SecureRelay.Metrics;
using SecureRelay.Policy;
using SecureRelay.Smtp;
using SecureRelay.Spool;
using SecureRelay.Users;

namespace SecureRelay.Hosting;

/// <summary>
/// Joins the SMTP server to the spool: checks what only the host knows (disk guard, which sender
/// domains a user owns), streams content into a spool writer while keeping a bounded copy for the
/// classifier, refuses content delivery could not parse (<c>554 5.6.0</c>), applies the policy (a refusal reaches the application as the reply to the final
/// dot; a hold is committed as held), answers <c>250</c> only after the spool's fsync, then hands
/// the queued message to delivery with the typed decision record in its envelope.
/// </summary>
public sealed class SpoolingMessageAcceptor : IMessageAcceptor
{
    private readonly IMessageSpool _spool;
    private readonly PolicyEngine _policy;
    private readonly UserDirectory _users;
    private readonly Action<QueuedMessage> _enqueue;
    private readonly RelayMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the acceptor.</summary>
    public SpoolingMessageAcceptor(IMessageSpool spool, PolicyEngine policy, UserDirectory users, Action<QueuedMessage> enqueue, RelayMetrics metrics, ILogger<SpoolingMessageAcceptor> logger, TimeProvider? time = null)
    {
        _spool = spool;
        _policy = policy;
        _users = users;
        _enqueue = enqueue;
        _metrics = metrics;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<SmtpReply?> CheckMailFromAsync(SmtpSessionInfo session, SmtpTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(transaction);
        if (_spool.IsLowOnDisk)
        {
            return ValueTask.FromResult<SmtpReply?>(new SmtpReply(452, "4.3.1", "Insufficient system storage"));
        }

        if (session.AuthenticatedUser is { } user && !_users.MaySendAs(user, transaction.ReversePath))
        {
            RelayLog.SenderNotOwned(_logger, user, transaction.ReversePath);
            return ValueTask.FromResult<SmtpReply?>(new SmtpReply(553, "5.7.1", $"<{transaction.ReversePath}>: Sender address rejected: not owned by user {user}"));
        }

        return ValueTask.FromResult<SmtpReply?>(null);
    }

    /// <inheritdoc />
    public ValueTask<SmtpReply?> CheckRecipientAsync(SmtpSessionInfo session, SmtpTransaction transaction, SmtpRecipient recipient, CancellationToken cancellationToken) =>
        ValueTask.FromResult<SmtpReply?>(null);

    /// <inheritdoc />
    public ValueTask<IMessageBodySink> BeginMessageAsync(SmtpSessionInfo session, SmtpTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(transaction);
        // One byte over the classifier's own limit is enough for it to see the message is too big
        // (and count it as PHI); nothing beyond that is copied.
        var capture = new ContentCapture(_policy.Policy.Classifier.Settings.Limits.MaxMessageBytes + 1);
        return ValueTask.FromResult<IMessageBodySink>(new SpoolBodySink(this, session, transaction, _spool.CreateWriter(resumeOnCompletionThread: true), capture));
    }

    private sealed class SpoolBodySink(SpoolingMessageAcceptor owner, SmtpSessionInfo session, SmtpTransaction transaction, ISpoolWriter writer, ContentCapture capture) : IMessageBodySink
    {
        public ValueTask WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            capture.Append(content.Span);
            return writer.WriteAsync(content, cancellationToken);
        }

        public async ValueTask<SmtpReply> CompleteAsync(CancellationToken cancellationToken)
        {
            // An authenticated user may only write its own domains into From:/Sender: (MAIL FROM was
            // checked at MAIL); relay_networks clients are trusted as they were before.
            if (session.AuthenticatedUser is { } user && owner._users.IsRestricted(user))
            {
                string? foreign;
                using (var headers = capture.OpenRead())
                {
                    foreign = SenderHeaderCheck.FindForeign(owner._users, user, headers, capture.Truncated);
                }

                if (foreign is not null)
                {
                    RelayLog.HeaderSenderNotOwned(owner._logger, user, session.RemoteEndPoint.Address);
                    return new SmtpReply(550, "5.7.1", foreign);
                }
            }

            // Classification runs before the 250 so that a policy refusal reaches the application.
            var recipients = transaction.Recipients.Select(r => r.Address).ToArray();
            PolicyDecision decision;
            using (var content = capture.OpenRead())
            {
                var facts = await owner._policy.AnalyzeAsync(
                    content,
                    new MessageEnvelope(transaction.ReversePath, session.AuthenticatedUser, writer.Length),
                    transaction.RequireTls,
                    cancellationToken).ConfigureAwait(false);
                decision = owner._policy.Evaluate(facts, recipients);
            }

            capture.Dispose();
            var category = decision.Classification.Category.ToString().ToLowerInvariant();
            owner._metrics.Classified.WithLabels(decision.Classification.VerdictName, category).Inc();
            if (decision.Rejection is { } refusal)
            {
                owner._metrics.PolicyRefusals.WithLabels(refusal.Code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
                RelayLog.PolicyRefused(owner._logger, session.RemoteEndPoint.Address, refusal.Code, refusal.EnhancedCode, decision.Classification.IsPhi, decision.Classification.Category.ToString().ToLowerInvariant());
                return new SmtpReply(refusal.Code, refusal.EnhancedCode, refusal.Text);
            }

            var envelope = new SpoolEnvelope
            {
                ReversePath = transaction.ReversePath,
                Recipients = transaction.Recipients.Select(r => new SpoolRecipient(r.Address, (int)r.Notify, r.OriginalRecipient)).ToArray(),
                ReceivedAt = owner._time.GetUtcNow(),
                ClientAddress = session.RemoteEndPoint.Address.ToString(),
                HeloName = session.HeloName,
                AuthenticatedUser = session.AuthenticatedUser,
                EnvelopeId = transaction.EnvelopeId,
                DsnReturn = (int)transaction.Return,
                BodyType = (int)transaction.BodyType,
                SmtpUtf8 = transaction.SmtpUtf8,
                RequireTls = transaction.RequireTls,
                Decision = decision.ToRecord(),
                Content = transaction.ContentShape is { } shape ? new ContentFacts(shape.EightBit, shape.LongestLine) : null,
                Hold = decision.Hold,
            };
            QueuedMessage queued;
            try
            {
                queued = await writer.CommitAsync(envelope, cancellationToken).ConfigureAwait(false);
            }
            catch (SpoolException e)
            {
                RelayLog.SpoolRefused(owner._logger, session.RemoteEndPoint.Address, e.Message);
                return e.IsOutOfSpace
                    ? new SmtpReply(452, "4.3.1", "Insufficient system storage")
                    : new SmtpReply(451, "4.3.0", "Error: queue file write error");
            }

            owner._metrics.Received.WithLabels(session.ListenerName).Inc();
            owner._metrics.ReceivedBytes.WithLabels(session.ListenerName).Inc(queued.ContentLength);
            RelayLog.Queued(owner._logger, queued.QueueId, session.RemoteEndPoint.Address, session.AuthenticatedUser, transaction.ReversePath, envelope.Recipients.Count, queued.ContentLength,
                decision.Classification.IsPhi, decision.Classification.Category.ToString().ToLowerInvariant(), decision.Hold ? "held" : "queued");
            if (!decision.Hold)
            {
                owner._enqueue(queued);
            }
            return new SmtpReply(250, "2.0.0", $"Ok: queued as {queued.QueueId}");
        }

        public ValueTask DisposeAsync()
        {
            capture.Dispose();
            return writer.DisposeAsync();
        }
    }
}
