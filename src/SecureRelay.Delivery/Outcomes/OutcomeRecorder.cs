using MimeKit;
using Microsoft.Extensions.Logging;
using SecureRelay.Contracts;
using SecureRelay.Delivery.Audit;
using SecureRelay.Delivery.Dsn;
using SecureRelay.Delivery.Routing;
using SecureRelay.Delivery.Scheduling;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Outcomes;

/// <summary>
/// What happens after an attempt, in one place (Postfix's bounce/defer/trace services): expiry,
/// the RFC 3464 report, the one spool update per attempt, then per recipient the event (metrics,
/// webhooks), the log line and the audit receipt. The queue manager only reschedules what it returns.
/// </summary>
internal sealed class OutcomeRecorder(
    IMessageSpool spool,
    DeliveryOptions options,
    RouteTable routes,
    IDeliveryEvents events,
    IAuditLog? audit,
    Action<QueuedMessage> enqueue,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Records <paramref name="attempt"/> (which has results) and returns the message as the
    /// spool now holds it, or null when the spool removed it (every recipient final).</summary>
    /// <exception cref="SpoolException">The attempt could not be recorded: the spool still holds the
    /// previous state.</exception>
    public async Task<QueuedMessage?> RecordAsync(MessageAttempt attempt)
    {
        QueuedMessage m = attempt.Message;
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset expiresAt = m.Envelope.ReceivedAt + options.MaxQueueAge;
        List<RecipientResult> results = [.. attempt.Results];
        if (now >= expiresAt)
        {
            // Too old to keep retrying: what failed temporarily now fails for good (RFC 3463 4.4.7).
            results = results.Select(r => r.State == RecipientState.Pending
                ? r with { State = RecipientState.Expired, DsnStatus = "4.4.7", Response = "delivery time expired; last error: " + r.Response }
                : r).ToList();
        }

        List<RecipientResult> failed = results
            .Where(r => r.State is RecipientState.Bounced or RecipientState.Expired)
            .Where(r => DsnBuilder.WantsFailureReport(m.Envelope.Recipients[r.Index]))
            .ToList();
        if (failed.Count > 0 && m.Envelope.ReversePath.Length > 0 && !await TrySendDsnAsync(m, failed, now).ConfigureAwait(false))
        {
            // The report could not be stored: keep those recipients pending so the failure (and its
            // report) happens again on the next attempt instead of going unreported.
            var retry = failed.Select(f => f.Index).ToHashSet();
            results = results.Select(r => retry.Contains(r.Index) ? r with { State = RecipientState.Pending } : r).ToList();
        }

        bool deferred = results.Any(r => r.State == RecipientState.Pending);
        QueueState nextState = deferred ? QueueState.Deferred : QueueState.Active;
        DateTimeOffset nextAttempt = now;
        if (deferred)
        {
            DateTimeOffset retryAt = now + options.RetrySchedule().DelayAfter(m.Attempts + 1);
            // The last try happens at the expiry time, so the message expires on schedule.
            nextAttempt = retryAt < expiresAt ? retryAt : expiresAt;
        }

        List<RecipientOutcome> outcomes = results.Select(r => new RecipientOutcome(r.Index, r.State, r.Response)).ToList();
        QueuedMessage? updated = await spool.RecordAttemptAsync(m.QueueId, outcomes, nextState, nextAttempt, CancellationToken.None).ConfigureAwait(false);
        Report(m, results, now);
        return updated;
    }

    private void Report(QueuedMessage m, List<RecipientResult> results, DateTimeOffset now)
    {
        TimeSpan delay = now - m.Envelope.ReceivedAt;
        foreach (RecipientResult r in results)
        {
            string address = m.Envelope.Recipients[r.Index].Address;
            int at = address.LastIndexOf('@');
            string domain = at > 0 ? address[(at + 1)..].TrimEnd('.').ToLowerInvariant() : "invalid";
            string destination = at > 0 ? routes.Resolve(domain).Key : "invalid";
            var e = new DeliveryEvent(m.QueueId, r.Index, domain, destination, r.Relay, delay, r.DsnStatus, r.Response) { Method = r.Security?.Method };
            string status;
            switch (r.State)
            {
                case RecipientState.Delivered:
                    status = "sent";
                    events.OnDelivered(e);
                    break;
                case RecipientState.Bounced:
                    status = "bounced";
                    events.OnBounced(e);
                    break;
                case RecipientState.Expired:
                    status = "expired";
                    events.OnExpired(e);
                    break;
                default:
                    status = "deferred";
                    events.OnDeferred(e);
                    break;
            }

            DeliveryLog.Recipient(logger, m.QueueId, address, r.Relay ?? "none", delay.TotalSeconds, r.DsnStatus, status, r.Response);
            Audit(m, r, address, now);
        }
    }

    /// <summary>Appends the recipient's security receipt. A failing audit log is loud but does not
    /// undo a delivery that already happened.</summary>
    private void Audit(QueuedMessage m, RecipientResult r, string address, DateTimeOffset now)
    {
        if (audit is null)
        {
            return;
        }

        DecisionRecord d = m.Envelope.Decision;
        SecurityDetail? s = r.Security;
        AuditOutcome outcome = r.State switch
        {
            RecipientState.Delivered => s?.Escrowed == true ? AuditOutcome.Escrowed : AuditOutcome.Delivered,
            RecipientState.Bounced => AuditOutcome.Bounced,
            RecipientState.Expired => AuditOutcome.Expired,
            _ => AuditOutcome.Deferred,
        };
        try
        {
            audit.Write(new AuditRecord
            {
                Time = now,
                QueueId = m.QueueId,
                Recipient = address,
                Outcome = outcome,
                Method = s?.Method,
                Skipped = s?.Skipped ?? [],
                Relay = r.Relay,
                TlsProtocol = s?.TlsProtocol,
                TlsCipher = s?.TlsCipher,
                TlsValidation = s?.TlsValidation,
                CertificateSha256 = s?.CertificateSha256,
                SmimeThumbprint = s?.SmimeThumbprint,
                PgpFingerprint = s?.PgpFingerprint,
                Signed = s?.Signed,
                EscrowId = s?.EscrowId,
                // Not classified (relay-generated): no verdict to report.
                Phi = d.Verdict is null ? null : d.IsProtected ? "true" : "false",
                Verdict = d.Verdict?.ToName(),
                Category = d.Verdict is null ? null : d.Category.ToName(),
                Rule = d.Recipient(r.Index)?.Rule,
                DsnStatus = r.DsnStatus,
                Response = r.Response,
            });
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            DeliveryLog.AuditFailed(logger, m.QueueId, ex);
        }
    }

    /// <summary>Writes one RFC 3464 report for <paramref name="failed"/> to the spool (null sender) and
    /// queues it. Returns false when the spool refused it.</summary>
    private async Task<bool> TrySendDsnAsync(QueuedMessage m, List<RecipientResult> failed, DateTimeOffset now)
    {
        try
        {
            HeaderList? headers = await LoadHeadersAsync(m.QueueId).ConfigureAwait(false);
            using MimeMessage dsn = DsnBuilder.Build(options.HostName, m, failed, headers, now);
            var buffer = new MemoryStream();
            await dsn.WriteToAsync(FormatOptions.Default, buffer, CancellationToken.None).ConfigureAwait(false);
            ISpoolWriter writer = spool.CreateWriter();
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), CancellationToken.None).ConfigureAwait(false);
                QueuedMessage queued = await writer.CommitAsync(new SpoolEnvelope
                {
                    ReversePath = string.Empty,
                    Recipients = [new SpoolRecipient(m.Envelope.ReversePath, 0, null)],
                    ReceivedAt = now,
                    HeloName = options.HostName,
                    // Relay-generated and PHI-free: delivered opportunistically (DecisionRecord.MethodsFor).
                    Decision = DecisionRecord.RelayGenerated(MessageOrigin.DeliveryReport, m.QueueId),
                }, CancellationToken.None).ConfigureAwait(false);
                DeliveryLog.DsnQueued(logger, m.QueueId, queued.QueueId);
                enqueue(queued);
            }

            return true;
        }
        catch (SpoolException ex)
        {
            DeliveryLog.DsnFailed(logger, m.QueueId, ex);
            return false;
        }
        catch (ParseException ex)
        {
            // A reverse-path MimeKit cannot parse cannot receive a report either: like the null
            // sender, the failure is final without one.
            DeliveryLog.DsnImpossible(logger, m.QueueId, ex.Message);
            return true;
        }
    }

    /// <summary>The original header block for the report's text/rfc822-headers part, or null when the
    /// content cannot be read (the report is still sent, without it).</summary>
    private async Task<HeaderList?> LoadHeadersAsync(string queueId)
    {
        try
        {
            Stream content = await spool.OpenContentAsync(queueId, CancellationToken.None).ConfigureAwait(false);
            await using (content.ConfigureAwait(false))
            {
                return await HeaderList.LoadAsync(content, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SpoolException or FormatException or IOException)
        {
            DeliveryLog.ContentUnreadable(logger, queueId, ex.Message);
            return null;
        }
    }
}
