using Microsoft.Extensions.Logging;
using SecureRelay.Delivery.Outbound;
using SecureRelay.Delivery.Scheduling;
using SecureRelay.Delivery.Secure;
using SecureRelay.Spool;
using System.Threading.RateLimiting;

namespace SecureRelay.Delivery;

/// <summary>Destination workers: one per open connection, each sending the destination's ready
/// transactions in turn and keeping the connection for the next one.</summary>
public sealed partial class DeliveryScheduler
{
    private async Task WorkerAsync(Destination d, RateLimitLease connectionLease, RateLimitLease totalLease)
    {
        OutboundSession? session = null;
        try
        {
            while (true)
            {
                bool got = false;
                try
                {
                    if (!_stopping.IsCancellationRequested)
                    {
                        // Without a connection only take work that is already there; with one, wait a
                        // little for more before closing it.
                        got = await d.Signal.WaitAsync(session is null ? TimeSpan.Zero : _options.IdleConnectionTimeout, _stopping.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException)
                {
                    got = false;
                }
                finally
                {
                    d.DecrementIdle();
                }

                if (!got || !d.Ready.TryDequeue(out DeliveryJob? job))
                {
                    break;
                }

                session = await RunJobAsync(d, job, session).ConfigureAwait(false);
                d.IncrementIdle();
            }
        }
        finally
        {
            if (session is not null)
            {
                await CloseAsync(session).ConfigureAwait(false);
            }

            connectionLease.Dispose();
            totalLease.Dispose();
            // Jobs may have arrived after our last look; make sure someone takes them. Then give the
            // freed connection to a destination that was refused one.
            TrySpawnWorkers(d);
            while (_starved.TryDequeue(out Destination? waiting))
            {
                if (!waiting.Ready.IsEmpty)
                {
                    TrySpawnWorkers(waiting);
                    break;
                }
            }
        }
    }

    private async Task<OutboundSession?> RunJobAsync(Destination d, DeliveryJob job, OutboundSession? session)
    {
        if (d.Rate is not null)
        {
            try
            {
                // The lease is a spent token: nothing to give back.
                using RateLimitLease permit = await d.Rate.AcquireAsync(1, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                AbandonJob(job);
                return session;
            }
        }

        if (session is not null && (!session.IsOpen || session.Messages >= d.Limits.MessagesPerConnection))
        {
            await CloseAsync(session).ConfigureAwait(false);
            session = null;
        }

        CancellationToken abort = _abort.Token;
        try
        {
            List<RecipientPlan> plans = await _runner.PlanAsync(job, abort).ConfigureAwait(false);
            if (!plans.Any(p => p.NeedsTransport))
            {
                // Escrow (or nothing possible): no connection needed for this message.
                CompleteJob(job, await _runner.CompleteAsync(job, Decide(plans, null, null), []).ConfigureAwait(false));
                return session;
            }

            if (session is null)
            {
                (session, ConnectFailure? failure) = await _agent.ConnectAsync(d.Key, job.Hop, d.Limits, abort).ConfigureAwait(false);
                if (failure is not null)
                {
                    CompleteJob(job, await _runner.CompleteAsync(job, Decide(plans, null, failure), []).ConfigureAwait(false));
                    // The destination is unreachable right now: answer the jobs queued behind this one
                    // the same way instead of letting each repeat a slow connect.
                    while (d.TryTake() is { } other)
                    {
                        CompleteJob(other, await ResolveWithoutConnectionAsync(other, failure).ConfigureAwait(false));
                    }

                    return null;
                }

                _events.OnConnectionOpened(new ConnectionEvent(d.Key, session!.Relay, session.Client.IsEncrypted, 0));
            }

            bool reused = session!.Messages > 0;
            List<MethodDecision> decisions = Decide(plans, session, null);
            (List<RecipientResult> sent, bool firstLost) = await _runner.SendAsync(session, job, decisions, abort).ConfigureAwait(false);
            if (reused && firstLost)
            {
                // A cached connection the server had already dropped (idle timeout on its side) is no
                // reason to defer for minutes: try once more on a fresh one, as Postfix does.
                await CloseAsync(session).ConfigureAwait(false);
                (session, ConnectFailure? again) = await _agent.ConnectAsync(d.Key, job.Hop, d.Limits, abort).ConfigureAwait(false);
                if (again is not null)
                {
                    CompleteJob(job, await _runner.CompleteAsync(job, Decide(plans, null, again), []).ConfigureAwait(false));
                    return null;
                }

                _events.OnConnectionOpened(new ConnectionEvent(d.Key, session!.Relay, session.Client.IsEncrypted, 0));
                decisions = Decide(plans, session, null);
                (sent, _) = await _runner.SendAsync(session, job, decisions, abort).ConfigureAwait(false);
            }

            CompleteJob(job, await _runner.CompleteAsync(job, decisions, sent).ConfigureAwait(false));
            return session;
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            CompleteJob(job, SmtpDeliveryAgent.AllLocal(job, RecipientState.Pending, "4.3.2", "delivery interrupted by shutdown", session?.Relay));
            if (session is not null)
            {
                session.Reusable = false;
            }

            return session;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug or unexpected library error: keep the mail (defer) and say so loudly.
            DeliveryLog.AttemptCrashed(_logger, job.Attempt.Message.QueueId, ex);
            CompleteJob(job, SmtpDeliveryAgent.AllLocal(job, RecipientState.Pending, "4.3.0", "internal error during delivery", session?.Relay));
            if (session is not null)
            {
                session.Reusable = false;
            }

            return session;
        }
    }

    /// <summary>Settles a queued job after its destination failed to connect: escrow still works,
    /// the rest waits. Never throws, so this job is completed exactly once whatever happens.</summary>
    private async Task<List<RecipientResult>> ResolveWithoutConnectionAsync(DeliveryJob job, ConnectFailure failure)
    {
        try
        {
            // Not the abort token: the job has left the queue and must be answered here.
            List<RecipientPlan> plans = await _runner.PlanAsync(job, CancellationToken.None).ConfigureAwait(false);
            return await _runner.CompleteAsync(job, Decide(plans, null, failure), []).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DeliveryLog.AttemptCrashed(_logger, job.Attempt.Message.QueueId, ex);
            return SmtpDeliveryAgent.AllLocal(job, RecipientState.Pending, "4.3.0", "internal error during delivery", null);
        }
    }

    private static List<MethodDecision> Decide(List<RecipientPlan> plans, OutboundSession? session, ConnectFailure? failure) =>
        plans.Select(p => MethodSelector.Decide(p, session, failure)).ToList();

    private async Task CloseAsync(OutboundSession session)
    {
        bool tls = session.Client.IsEncrypted;
        await session.DisposeAsync().ConfigureAwait(false);
        _events.OnConnectionClosed(new ConnectionEvent(session.Destination, session.Relay, tls, session.Messages));
    }

    private void CompleteJob(DeliveryJob job, List<RecipientResult> results)
    {
        if (job.Attempt.Complete(results))
        {
            Track(FinalizeAsync(job.Attempt));
        }
    }

    private void AbandonJob(DeliveryJob job)
    {
        if (job.Attempt.Abandon())
        {
            Track(FinalizeAsync(job.Attempt));
        }
    }
}
