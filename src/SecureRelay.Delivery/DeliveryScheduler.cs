using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SecureRelay.Delivery.Dns;
using SecureRelay.Delivery.Outbound;
using SecureRelay.Delivery.Outcomes;
using SecureRelay.Delivery.Routing;
using SecureRelay.Delivery.Scheduling;
using SecureRelay.Delivery.Secure;
using SecureRelay.Spool;

namespace SecureRelay.Delivery;

/// <summary>
/// The queue manager: two tiers like KumoMTA. The scheduled tier holds only compact entries (queue
/// id by next-attempt time) so a million queued messages cost ids, not envelopes; when an entry is
/// due the message is loaded, its pending recipients grouped by next hop, and each group becomes one
/// SMTP transaction in that destination's ready queue, where connection and rate limits apply.
/// Each attempt is recorded once in the spool; failures produce one RFC 3464 report per attempt.
/// </summary>
public sealed partial class DeliveryScheduler : IAsyncDisposable
{

    private readonly IMessageSpool _spool;
    private readonly DeliveryOptions _options;
    private readonly RouteTable _routes;
    private readonly SmtpDeliveryAgent _agent;
    private readonly SecureJobRunner _runner;
    private readonly OutcomeRecorder _outcomes;
    private readonly IDeliveryEvents _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    private readonly Lock _gate = new();
    private readonly PriorityQueue<string, DateTimeOffset> _scheduled = new();
    // Every message the scheduler knows, with where it is. _scheduled may also hold stale entries (a
    // message moved earlier, taken or forgotten); only the entry matching the state here is live.
    private readonly Dictionary<string, TrackedState> _tracked = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Destination> _destinations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentQueue<Destination> _starved = new();
    private readonly ConcurrencyLimiter _totalConnections;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abort = new();
    private Task? _dispatcher;
    private int _inFlight;
    private int _started;
    private int _disposed;
    private Task? _stopTask;

    /// <summary>Creates the scheduler. Only <paramref name="spool"/> and <paramref name="options"/> are
    /// required; the rest default to DNS via DnsClient, no events, pass-through transform,
    /// opportunistic TLS, the system clock, no logging and no secure-delivery services (then only the
    /// TLS methods and <c>opportunistic</c> are possible; recipients whose lists need S/MIME, PGP or
    /// escrow wait).</summary>
    /// <exception cref="FormatException">A route in <paramref name="options"/> is invalid.</exception>
    public DeliveryScheduler(
        IMessageSpool spool,
        DeliveryOptions options,
        IMxResolver? resolver = null,
        IDeliveryEvents? events = null,
        IOutboundMessageTransform? transform = null,
        IOutboundTlsPolicy? tlsPolicy = null,
        TimeProvider? timeProvider = null,
        ILogger<DeliveryScheduler>? logger = null,
        SecureDeliveryServices? security = null)
    {
        ArgumentNullException.ThrowIfNull(spool);
        ArgumentNullException.ThrowIfNull(options);
        _spool = spool;
        _options = options;
        _routes = new RouteTable(options.Routes, options.SmtpPort);
        _totalConnections = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = Math.Max(1, options.MaxConnectionsTotal), QueueLimit = 0 });
        _events = events ?? NoEvents.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        security ??= SecureDeliveryServices.None;
        _agent = new SmtpDeliveryAgent(options, resolver ?? new DnsMxResolver(options), tlsPolicy ?? new OpportunisticTlsPolicy(),
            security.Tls, _time, _logger);
        _runner = new SecureJobRunner(spool, security, _agent, transform ?? new PassThroughTransform(), Enqueue, options.HostName, _time, _logger);
        _outcomes = new OutcomeRecorder(spool, options, _routes, _events, security.Audit, Enqueue, _time, _logger);
    }

    /// <summary>Messages known to the scheduler (scheduled or being delivered).</summary>
    public int TrackedCount
    {
        get
        {
            lock (_gate)
            {
                return _tracked.Count;
            }
        }
    }

    /// <summary>How often idle destinations are dropped (tests shorten it).</summary>
    internal TimeSpan DestinationSweepInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Destinations currently holding a queue and limiters.</summary>
    internal int DestinationCount => _destinations.Count;

    /// <summary>Messages loaded and being delivered right now.</summary>
    public int InFlightCount => Volatile.Read(ref _inFlight);

    /// <summary>Starts delivering and loads every pending message id from the spool (held messages
    /// stay put). Delivery of due messages begins while the load is still running.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("the delivery scheduler is already started");
        }

        _dispatcher = Task.Run(DispatchLoopAsync, CancellationToken.None);
        long started = Stopwatch.GetTimestamp();
        long count = 0;
        await foreach (QueuedMessage m in _spool.EnumerateAsync(new SpoolQuery(), cancellationToken).ConfigureAwait(false))
        {
            if (m.State == QueueState.Held || !m.Recipients.Any(r => r.State == RecipientState.Pending))
            {
                continue;
            }

            lock (_gate)
            {
                // A message enqueued meanwhile keeps its state unless this one is due earlier.
                if (!_tracked.TryGetValue(m.QueueId, out TrackedState state) || (!state.Taken && m.NextAttempt < state.DueAt))
                {
                    ScheduleLocked(m.QueueId, m.NextAttempt);
                }
            }

            if (++count % 1000 == 0)
            {
                Wake();
            }
        }

        Wake();
        DeliveryLog.Loaded(_logger, count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Hands a freshly committed (or released) message to the scheduler. Cheap and
    /// non-blocking: no I/O. A message already scheduled moves earlier when <paramref name="message"/>
    /// is due sooner (a release or queue flush: like <c>postqueue -f</c>, it goes now, not at its old
    /// retry time); otherwise, or while it is being delivered, a message already known is left as it
    /// is. After <see cref="StopAsync"/> it is a no-op (the message is durable and is picked up at the
    /// next start).</summary>
    public void Enqueue(QueuedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_stopping.IsCancellationRequested || message.State == QueueState.Held)
        {
            return;
        }

        bool dispatchNow = false;
        lock (_gate)
        {
            if (_tracked.TryGetValue(message.QueueId, out TrackedState state))
            {
                // Being loaded or delivered: the current attempt's outcome decides what comes next, and
                // dispatching it again would deliver it twice. Already due as soon: nothing to change.
                if (state.Taken || message.NextAttempt >= state.DueAt)
                {
                    return;
                }

                // Due sooner than scheduled: a new entry; the old one is skipped as stale when it comes
                // up. The dispatch loop reloads it from the spool, which is the authority on its state.
                ScheduleLocked(message.QueueId, message.NextAttempt);
            }
            else if (Volatile.Read(ref _started) == 1 && message.NextAttempt <= _time.GetUtcNow() && TryReserveReadySlot())
            {
                _tracked[message.QueueId] = TrackedState.Busy;
                dispatchNow = true;
            }
            else
            {
                ScheduleLocked(message.QueueId, message.NextAttempt);
            }
        }

        if (dispatchNow)
        {
            // Fast path: the caller already holds the message (freshly committed or released), so skip the spool read.
            Dispatch(message);
        }
        else
        {
            Wake();
        }
    }

    /// <summary>Counts one more message in flight if the memory bound allows it.</summary>
    private bool TryReserveReadySlot()
    {
        if (Interlocked.Increment(ref _inFlight) <= _options.MaxReadyMessages)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    /// <summary>Stops taking work, lets in-flight transactions finish and records them, then returns.
    /// Cancelling <paramref name="cancellationToken"/> aborts in-flight transactions (their recipients
    /// are deferred, never lost).</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Concurrent or repeated calls share one shutdown; a later token can still abort it.
            cancellationToken.Register(() => _abort.Cancel());
            return _stopTask ??= StopCoreAsync();
        }
    }

    private async Task StopCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_dispatcher is not null)
        {
            await _dispatcher.ConfigureAwait(false);
        }

        await DrainTasksAsync().ConfigureAwait(false);
        foreach (Destination d in _destinations.Values)
        {
            while (d.TryTake() is { } job)
            {
                if (job.Attempt.Abandon())
                {
                    Track(FinalizeAsync(job.Attempt));
                }
            }
        }

        await DrainTasksAsync().ConfigureAwait(false);
    }

    /// <summary>Stops (aborting in-flight work) and releases resources.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        bool graceful;
        lock (_gate)
        {
            graceful = _stopTask is not null;
        }

        if (!graceful)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
        }

        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (Destination d in _destinations.Values)
        {
            d.Dispose();
        }

        _totalConnections.Dispose();
        _stopping.Dispose();
        _abort.Dispose();
    }

    private async Task DrainTasksAsync()
    {
        while (!_tasks.IsEmpty)
        {
            Task[] pending = _tasks.Keys.ToArray();
            // Failures were logged by Track's continuation; here we only wait.
            await Task.WhenAll(pending).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
    }

    private void Track(Task task)
    {
        _tasks.TryAdd(task, 0);
        _ = task.ContinueWith(t =>
        {
            if (t.IsFaulted)
            {
                DeliveryLog.BackgroundFailed(_logger, t.Exception);
            }

            _tasks.TryRemove(t, out _);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Schedules a message the caller owns (its attempt or load is over) for <paramref name="at"/>.</summary>
    private void Schedule(string queueId, DateTimeOffset at)
    {
        lock (_gate)
        {
            ScheduleLocked(queueId, at);
        }

        Wake();
    }

    /// <summary>Under <see cref="_gate"/>: makes <paramref name="at"/> the message's one live entry.</summary>
    private void ScheduleLocked(string queueId, DateTimeOffset at)
    {
        _tracked[queueId] = TrackedState.ScheduledAt(at);
        _scheduled.Enqueue(queueId, at);
    }

    private void Untrack(string queueId)
    {
        lock (_gate)
        {
            _tracked.Remove(queueId);
        }
    }

    private async Task DispatchLoopAsync()
    {
        CancellationToken ct = _stopping.Token;
        var due = new List<string>();
        long lastSweep = Stopwatch.GetTimestamp();
        while (!ct.IsCancellationRequested)
        {
            DateTimeOffset now = _time.GetUtcNow();
            TimeSpan? wait = null;
            due.Clear();
            lock (_gate)
            {
                while (_scheduled.TryPeek(out string? id, out DateTimeOffset at))
                {
                    if (!_tracked.TryGetValue(id, out TrackedState state) || state.Taken || state.DueAt != at)
                    {
                        // Stale: the message was moved earlier, is already taken, or is gone.
                        _scheduled.Dequeue();
                        continue;
                    }

                    if (at > now)
                    {
                        wait = at - now;
                        break;
                    }

                    // Memory bound: leave the rest scheduled until in-flight messages finish (each
                    // finish wakes this loop).
                    if (Volatile.Read(ref _inFlight) + due.Count >= _options.MaxReadyMessages || due.Count >= 1000)
                    {
                        break;
                    }

                    _scheduled.Dequeue();
                    _tracked[id] = TrackedState.Busy;
                    due.Add(id);
                }
            }

            foreach (string id in due)
            {
                Interlocked.Increment(ref _inFlight);
                await LoadAndDispatchAsync(id, ct).ConfigureAwait(false);
            }

            if (Stopwatch.GetElapsedTime(lastSweep) > DestinationSweepInterval)
            {
                EvictIdleDestinations();
                lastSweep = Stopwatch.GetTimestamp();
            }

            if (due.Count == 0)
            {
                // Wake at least once per sweep interval so idle destinations are released.
                TimeSpan limit = DestinationSweepInterval;
                await WaitAsync(wait is { } w && w < limit ? w : limit, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Drops destinations with nothing queued and no connection, so a relay that has mailed
    /// many domains does not keep a queue and limiters for each of them forever.</summary>
    private void EvictIdleDestinations()
    {
        foreach (KeyValuePair<string, Destination> entry in _destinations)
        {
            if (entry.Value.TryEvict())
            {
                _destinations.TryRemove(entry);
                // Only the rate limiter owns a timer; the rest is left to the GC because a worker
                // that just finished may still look at the semaphore.
                entry.Value.Rate?.Dispose();
            }
        }
    }

    private async Task WaitAsync(TimeSpan? delay, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task signal = _wake.Reader.ReadAsync(cts.Token).AsTask();
        Task timer = delay is { } d ? Task.Delay(d, _time, cts.Token) : Task.Delay(Timeout.Infinite, cts.Token);
        await Task.WhenAny(signal, timer).ConfigureAwait(false);
        await cts.CancelAsync().ConfigureAwait(false);
    }

    private async Task LoadAndDispatchAsync(string queueId, CancellationToken ct)
    {
        QueuedMessage? m;
        try
        {
            m = await _spool.GetAsync(queueId, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Interlocked.Decrement(ref _inFlight);
            Untrack(queueId);
            return;
        }
        catch (SpoolException ex)
        {
            DeliveryLog.LoadFailed(_logger, queueId, ex);
            Interlocked.Decrement(ref _inFlight);
            Schedule(queueId, _time.GetUtcNow() + TimeSpan.FromMinutes(1));
            return;
        }

        if (m is null || m.State == QueueState.Held)
        {
            Interlocked.Decrement(ref _inFlight);
            Untrack(queueId);
            return;
        }

        if (m.NextAttempt > _time.GetUtcNow())
        {
            Interlocked.Decrement(ref _inFlight);
            Schedule(queueId, m.NextAttempt);
            return;
        }

        Dispatch(m);
    }

    /// <summary>Groups the pending recipients by next hop and queues one transaction per group. The
    /// caller has counted the message in <see cref="_inFlight"/>. No I/O.</summary>
    private void Dispatch(QueuedMessage m)
    {
        DateTimeOffset now = _time.GetUtcNow();
        var pending = m.Recipients.Where(r => r.State == RecipientState.Pending).ToList();
        if (pending.Count == 0)
        {
            Interlocked.Decrement(ref _inFlight);
            Untrack(m.QueueId);
            return;
        }

        if (now >= m.Envelope.ReceivedAt + _options.MaxQueueAge)
        {
            var expiry = new MessageAttempt(m, 1);
            expiry.Complete(pending.Select(r => RecipientResult.Local(r.Index, RecipientState.Expired, "4.4.7",
                "delivery time expired" + (r.LastResponse is { } last ? "; last error: " + last : string.Empty))));
            Track(FinalizeAsync(expiry));
            return;
        }

        var groups = new Dictionary<string, (NextHop Hop, List<int> Indices)>(StringComparer.OrdinalIgnoreCase);
        var invalid = new List<RecipientResult>();
        foreach (RecipientStatus r in pending)
        {
            string address = m.Envelope.Recipients[r.Index].Address;
            int at = address.LastIndexOf('@');
            if (at <= 0 || at == address.Length - 1 || !IsValidMailbox(address))
            {
                invalid.Add(RecipientResult.Local(r.Index, RecipientState.Bounced, "5.1.3", "bad recipient address syntax"));
                continue;
            }

            NextHop hop = _routes.Resolve(address[(at + 1)..]);
            if (!groups.TryGetValue(hop.Key, out (NextHop Hop, List<int> Indices) g))
            {
                g = (hop, []);
                groups[hop.Key] = g;
            }

            g.Indices.Add(r.Index);
        }

        var attempt = new MessageAttempt(m, groups.Count + (invalid.Count > 0 ? 1 : 0));
        if (invalid.Count > 0 && attempt.Complete(invalid))
        {
            Track(FinalizeAsync(attempt));
        }

        foreach ((string key, (NextHop hop, List<int> indices)) in groups)
        {
            var job = new DeliveryJob(attempt, hop, indices.ToArray());
            Destination d;
            do
            {
                d = _destinations.GetOrAdd(key, k => new Destination(k, _options.LimitsFor(k)));
            }
            while (!d.TryEnqueue(job));

            TrySpawnWorkers(d);
        }
    }

    private static bool IsValidMailbox(string address)
    {
        try
        {
            _ = new MailboxAddress(string.Empty, address);
            return true;
        }
        catch (ParseException)
        {
            return false;
        }
    }

    /// <summary>Opens connections (workers) while ready jobs outnumber idle workers and both the
    /// destination's and the overall connection limits allow.</summary>
    private void TrySpawnWorkers(Destination d)
    {
        while (!_stopping.IsCancellationRequested && d.Signal.CurrentCount > d.Idle)
        {
            RateLimitLease lease = d.Connections.AttemptAcquire(1);
            if (!lease.IsAcquired)
            {
                lease.Dispose();
                return;
            }

            RateLimitLease total = _totalConnections.AttemptAcquire(1);
            if (!total.IsAcquired)
            {
                // Out of connections overall: remember the destination so the next connection to
                // close anywhere gives it a turn.
                total.Dispose();
                lease.Dispose();
                _starved.Enqueue(d);
                return;
            }

            // Counted as idle from now so a burst of jobs does not spawn one worker each.
            d.IncrementIdle();
            Track(Task.Run(() => WorkerAsync(d, lease, total), CancellationToken.None));
        }
    }

    /// <summary>Where a tracked message is: waiting for its live <see cref="_scheduled"/> entry at
    /// <see cref="DueAt"/>, or taken (being loaded or delivered), when nothing may dispatch it again
    /// until its current load or attempt schedules or forgets it.</summary>
    private readonly record struct TrackedState(bool Taken, DateTimeOffset DueAt)
    {
        public static TrackedState Busy => new(true, default);

        public static TrackedState ScheduledAt(DateTimeOffset at) => new(false, at);
    }
}
