using SecureRelay.Delivery.Scheduling;
using SecureRelay.Spool;

namespace SecureRelay.Delivery;

/// <summary>After an attempt: the outcome recorder records it, then the message is rescheduled or
/// forgotten.</summary>
public sealed partial class DeliveryScheduler
{
    private async Task FinalizeAsync(MessageAttempt attempt)
    {
        QueuedMessage m = attempt.Message;
        try
        {
            if (attempt.Results.Count == 0)
            {
                // Nothing was attempted (shutdown before any group started): the spool is unchanged.
                Untrack(m.QueueId);
                return;
            }

            QueuedMessage? updated = await _outcomes.RecordAsync(attempt).ConfigureAwait(false);
            if (updated is null || !updated.Recipients.Any(r => r.State == RecipientState.Pending))
            {
                Untrack(m.QueueId);
                DeliveryLog.Removed(_logger, m.QueueId);
            }
            else if (_stopping.IsCancellationRequested)
            {
                Untrack(m.QueueId);
            }
            else
            {
                Schedule(m.QueueId, updated.NextAttempt);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The spool still holds the previous state (SpoolException, or a bug surfacing here):
            // log it and try the message again shortly rather than forget it (at-least-once).
            DeliveryLog.RecordFailed(_logger, m.QueueId, ex);
            Schedule(m.QueueId, _time.GetUtcNow() + TimeSpan.FromMinutes(1));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Wake();
        }
    }
}
