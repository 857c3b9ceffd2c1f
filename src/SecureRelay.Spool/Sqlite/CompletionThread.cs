namespace SecureRelay.Spool.Sqlite;

/// <summary>Resolves the ops whose awaiters continue synchronously (<see cref="SpoolOp.ResumesInline"/>:
/// a message commit, after which the SMTP session sends its 250), on a thread of their own. From the
/// thread pool's global queue the continuations of one batch waited behind whatever was queued before
/// them (delivery work, socket completions) and ran one after another as workers woke up: 2-4 ms of the
/// accept latency tail on a busy 2-core box. Here they run at once, in commit order, while the commit
/// loop already writes the next batch. What runs on this thread is bounded: the awaiter's code up to
/// its next await, and the SMTP session leaves for the thread pool right after its reply
/// (<c>SmtpSession.FinishMessageAsync</c>).</summary>
internal sealed class CompletionThread() : SpoolThread("spool-complete")
{
    private readonly Queue<SpoolOp> _queue = new();

    /// <summary>Queues finished ops (one wake-up per batch).</summary>
    public void Complete(List<SpoolOp> ops)
    {
        lock (Gate)
        {
            foreach (SpoolOp op in ops)
            {
                _queue.Enqueue(op);
            }

            Monitor.Pulse(Gate);
        }
    }

    /// <summary>Resolves what is queued; after <see cref="SpoolThread.Stop"/>, what is left, then ends.</summary>
    protected override void Run()
    {
        var batch = new List<SpoolOp>();
        while (true)
        {
            lock (Gate)
            {
                while (_queue.Count == 0 && !Stopping)
                {
                    Monitor.Wait(Gate);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                while (_queue.TryDequeue(out SpoolOp? op))
                {
                    batch.Add(op);
                }
            }

            foreach (SpoolOp op in batch)
            {
                op.Finish();
            }

            batch.Clear();
        }
    }
}
