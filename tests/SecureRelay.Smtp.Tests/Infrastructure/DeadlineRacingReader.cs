using System.IO.Pipelines;

namespace SecureRelay.Smtp.Tests.Infrastructure;

/// <summary>
/// Passes reads through, except that a read that waits with a deadline returns its data only once that
/// deadline has fired: the race of a read completing just as its timer fires (on a busy box, with a slow
/// commit holding the threads, it happens), made deterministic.
/// </summary>
internal sealed class DeadlineRacingReader(PipeReader inner) : PipeReader
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private int _raced;

    /// <summary>Reads that returned data after their deadline fired.</summary>
    public int RacedReads => Volatile.Read(ref _raced);

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            return await inner.ReadAsync(cancellationToken);
        }

        var result = await inner.ReadAsync(CancellationToken.None).AsTask().WaitAsync(Bound, CancellationToken.None);
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => fired.TrySetResult()))
        {
            await fired.Task.WaitAsync(Bound, CancellationToken.None);
        }

        Interlocked.Increment(ref _raced);
        return result;
    }

    public override bool TryRead(out ReadResult result) => inner.TryRead(out result);

    public override void AdvanceTo(SequencePosition consumed) => inner.AdvanceTo(consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined) => inner.AdvanceTo(consumed, examined);

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);
}
