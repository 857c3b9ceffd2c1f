namespace SecureRelay.LoadGen;

/// <summary>
/// Counters of one measurement ("round") of the counting sink: completes when the expected number
/// of recipients has been delivered. A round with target 0 only counts (between measurements).
/// </summary>
internal sealed class SinkRound
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _messages;
    private long _rcpts;
    private long _bytes;
    private long _signed;
    private long _tls;
    private long _firstTicks;
    private long _lastTicks;

    public SinkRound(long targetRcpts, string tag)
    {
        TargetRcpts = targetRcpts;
        Tag = tag;
    }

    public long TargetRcpts { get; }

    public string Tag { get; }

    public Task Done => _done.Task;

    public long Messages => Interlocked.Read(ref _messages);

    public long Rcpts => Interlocked.Read(ref _rcpts);

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Messages whose header carried a <c>DKIM-Signature:</c> field.</summary>
    public long Signed => Interlocked.Read(ref _signed);

    /// <summary>Messages received over a TLS session (after STARTTLS).</summary>
    public long Tls => Interlocked.Read(ref _tls);

    /// <summary>UTC ticks of the first delivery, 0 if none.</summary>
    public long FirstTicks => Interlocked.Read(ref _firstTicks);

    /// <summary>UTC ticks of the latest delivery, 0 if none.</summary>
    public long LastTicks => Interlocked.Read(ref _lastTicks);

    public void Delivered(int recipients, long bytes, bool signed, bool tls)
    {
        var now = DateTime.UtcNow.Ticks;
        Interlocked.CompareExchange(ref _firstTicks, now, 0);
        Interlocked.Exchange(ref _lastTicks, now);
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, bytes);
        if (signed)
        {
            Interlocked.Increment(ref _signed);
        }

        if (tls)
        {
            Interlocked.Increment(ref _tls);
        }

        var total = Interlocked.Add(ref _rcpts, recipients);
        if (TargetRcpts > 0 && total >= TargetRcpts)
        {
            _done.TrySetResult();
        }
    }
}
