namespace SecureRelay.Spool.Sqlite;

/// <summary>One change handed to the commit loop. <see cref="Execute"/> runs inside the batch
/// transaction and must be repeatable (when another op of the batch fails, the transaction is
/// rolled back and the others run again); the task completes only after the batch's COMMIT (and
/// so its fsync, unless no op of the batch needs one) returned.</summary>
internal abstract class SpoolOp
{
    private Exception? _failure;

    protected SpoolOp(bool resumesInline = false)
    {
        ResumesInline = resumesInline;
    }

    /// <summary>Applies the change. May throw: the op alone fails.</summary>
    public abstract void Execute(WriteSession session);

    /// <summary>True for message commits (counted in <see cref="SpoolStats"/>).</summary>
    public virtual bool IsMessageCommit => false;

    /// <summary>False for a change that may be lost in a crash without losing mail (its batch, when it
    /// holds nothing else, commits without an fsync). The WAL is append-only, so the next durable
    /// commit's fsync covers it too: no durable change can survive while an earlier one is lost.</summary>
    public virtual bool NeedsFsync => true;

    /// <summary>True when the awaiter continues synchronously, on the <see cref="CompletionThread"/>,
    /// instead of through the thread pool.</summary>
    public bool ResumesInline { get; }

    public bool HasFailed => _failure is not null;

    public void MarkFailed(Exception ex) => _failure ??= ex;

    /// <summary>Called once after COMMIT (or after the batch failed): resolves the task.</summary>
    public void Finish()
    {
        try
        {
            if (_failure is null)
            {
                Succeed();
            }
            else
            {
                Fail(_failure);
            }
        }
        finally
        {
            ReleaseBuffers();
        }
    }

    protected abstract void Succeed();

    protected abstract void Fail(Exception ex);

    /// <summary>Returns pooled buffers once the data is in SQLite's pages.</summary>
    protected virtual void ReleaseBuffers()
    {
    }
}

/// <summary>An op with a result.</summary>
internal abstract class SpoolOp<T> : SpoolOp
{
    private readonly TaskCompletionSource<T> _tcs;

    protected SpoolOp(bool resumesInline = false)
        : base(resumesInline)
    {
        _tcs = new(resumesInline ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task<T> Task => _tcs.Task;

    protected T Result { get; set; } = default!;

    protected override void Succeed() => _tcs.TrySetResult(Result);

    protected override void Fail(Exception ex) => _tcs.TrySetException(ex);
}
