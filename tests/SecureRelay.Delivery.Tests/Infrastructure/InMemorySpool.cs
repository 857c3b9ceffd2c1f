using System.Runtime.CompilerServices;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>A faithful in-memory <see cref="IMessageSpool"/> for delivery tests: applies outcomes per
/// recipient, counts attempts, removes a message once no recipient is pending.</summary>
public sealed class InMemorySpool : IMessageSpool
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (QueuedMessage Message, byte[] Content)> _messages = [];
    private int _nextId;

    /// <summary>Every RecordAttemptAsync call, in order.</summary>
    public List<(string QueueId, IReadOnlyList<RecipientOutcome> Outcomes, QueueState State, DateTimeOffset NextAttempt)> Attempts { get; } = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _messages.Count;
            }
        }
    }

    public bool IsLowOnDisk => false;

    public Task<SpoolRecoveryReport> OpenAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new SpoolRecoveryReport(Count, [], TimeSpan.Zero));

    public ISpoolWriter CreateWriter(bool resumeOnCompletionThread = false) => new Writer(this);

    /// <summary>Test helper: stores a message as the SMTP layer would.</summary>
    public QueuedMessage Add(SpoolEnvelope envelope, string content, DateTimeOffset? nextAttempt = null)
    {
        byte[] bytes = System.Text.Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\r\n"));
        return Store(envelope, bytes, nextAttempt ?? envelope.ReceivedAt);
    }

    public QueuedMessage? Peek(string queueId)
    {
        lock (_gate)
        {
            return _messages.TryGetValue(queueId, out var m) ? m.Message : null;
        }
    }

    public List<QueuedMessage> All()
    {
        lock (_gate)
        {
            return _messages.Values.Select(v => v.Message).ToList();
        }
    }

    public byte[] Content(string queueId)
    {
        lock (_gate)
        {
            return _messages[queueId].Content;
        }
    }

    private QueuedMessage Store(SpoolEnvelope envelope, byte[] content, DateTimeOffset nextAttempt)
    {
        lock (_gate)
        {
            string id = "Q" + (++_nextId).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var m = new QueuedMessage
            {
                QueueId = id,
                Envelope = envelope,
                State = QueueState.Active,
                NextAttempt = nextAttempt,
                Attempts = 0,
                ContentLength = content.Length,
                Recipients = envelope.Recipients.Select((_, i) => new RecipientStatus(i, RecipientState.Pending, 0, null)).ToList(),
            };
            _messages[id] = (m, content);
            return m;
        }
    }

    public async IAsyncEnumerable<QueuedMessage> EnumerateAsync(SpoolQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<QueuedMessage> snapshot;
        lock (_gate)
        {
            snapshot = _messages.Values.Select(v => v.Message)
                .Where(m => query.State is null || m.State == query.State)
                .Where(m => query.DueBefore is null || m.NextAttempt <= query.DueBefore)
                .Where(m => query.RecipientDomain is null || m.Recipients.Any(r => r.State == RecipientState.Pending
                    && m.Envelope.Recipients[r.Index].Address.EndsWith("@" + query.RecipientDomain, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(m => m.QueueId, StringComparer.Ordinal)
                .Take(query.Limit ?? int.MaxValue)
                .ToList();
        }

        foreach (QueuedMessage m in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return m;
        }
    }

    public ValueTask<QueuedMessage?> GetAsync(string queueId, CancellationToken cancellationToken) => ValueTask.FromResult(Peek(queueId));

    public ValueTask<Stream> OpenContentAsync(string queueId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(queueId, out var m))
            {
                throw new SpoolException($"{queueId}: not in the spool");
            }

            return ValueTask.FromResult<Stream>(new MemoryStream(m.Content, writable: false));
        }
    }

    public ValueTask<QueuedMessage?> RecordAttemptAsync(string queueId, IReadOnlyList<RecipientOutcome> outcomes, QueueState nextState, DateTimeOffset nextAttempt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Attempts.Add((queueId, outcomes, nextState, nextAttempt));
            if (!_messages.TryGetValue(queueId, out var entry))
            {
                return ValueTask.FromResult<QueuedMessage?>(null);
            }

            var recipients = entry.Message.Recipients.ToList();
            foreach (RecipientOutcome o in outcomes)
            {
                RecipientStatus old = recipients[o.Index];
                if (old.State != RecipientState.Pending)
                {
                    throw new InvalidOperationException($"{queueId}: recipient {o.Index} is already {old.State}");
                }

                recipients[o.Index] = old with { State = o.State, Attempts = old.Attempts + 1, LastResponse = o.Response };
            }

            if (!recipients.Any(r => r.State == RecipientState.Pending))
            {
                _messages.Remove(queueId);
                return ValueTask.FromResult<QueuedMessage?>(null);
            }

            QueuedMessage updated = entry.Message with
            {
                Recipients = recipients,
                State = nextState,
                NextAttempt = nextAttempt,
                Attempts = entry.Message.Attempts + 1,
            };
            _messages[queueId] = (updated, entry.Content);
            return ValueTask.FromResult<QueuedMessage?>(updated);
        }
    }

    public ValueTask<bool> HoldAsync(string queueId, CancellationToken cancellationToken) => Update(queueId, m => m with { State = QueueState.Held });

    public ValueTask<bool> ReleaseAsync(string queueId, CancellationToken cancellationToken) =>
        Update(queueId, m => m with { State = QueueState.Active, NextAttempt = DateTimeOffset.MinValue });

    public ValueTask<bool> DeleteAsync(string queueId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_messages.Remove(queueId));
        }
    }

    public ValueTask<SpoolCounts> CountAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var all = _messages.Values.Select(v => v.Message.State).ToList();
            return ValueTask.FromResult(new SpoolCounts(all.Count(s => s == QueueState.Active), all.Count(s => s == QueueState.Deferred), all.Count(s => s == QueueState.Held), 0));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private ValueTask<bool> Update(string queueId, Func<QueuedMessage, QueuedMessage> change)
    {
        lock (_gate)
        {
            if (!_messages.TryGetValue(queueId, out var m))
            {
                return ValueTask.FromResult(false);
            }

            _messages[queueId] = (change(m.Message), m.Content);
            return ValueTask.FromResult(true);
        }
    }

    private sealed class Writer(InMemorySpool spool) : ISpoolWriter
    {
        private readonly MemoryStream _buffer = new();
        private bool _committed;

        public long Length => _buffer.Length;

        public ValueTask WriteAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(_committed, this);
            _buffer.Write(content.Span);
            return ValueTask.CompletedTask;
        }

        public ValueTask<QueuedMessage> CommitAsync(SpoolEnvelope envelope, CancellationToken cancellationToken)
        {
            _committed = true;
            return ValueTask.FromResult(spool.Store(envelope, _buffer.ToArray(), envelope.ReceivedAt));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
