using System.Collections.Concurrent;

namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>Process-wide bound on Tesseract processes running at once (<see cref="OcrSettings.MaxConcurrency"/>,
/// each one thread), so that a burst of scanned mail never takes every core from SMTP: the rest wait, within
/// their message's OCR time, and stay unreadable if it runs out. Extraction is synchronous, so a wait blocks a
/// pool thread: at most <see cref="WaitersPerSlot"/> per slot may wait, and past that an image is unreadable at
/// once (<c>ocr_limit</c>, so uncertain) rather than starve the pool that serves SMTP. One semaphore per
/// configured size: a reload that changes the size starts a new one while the old runs finish.</summary>
internal static class OcrGate
{
    /// <summary>Messages that may wait for each slot.</summary>
    public const int WaitersPerSlot = 4;

    private static readonly ConcurrentDictionary<int, Gate> Gates = new();

    /// <summary>Waits up to <paramref name="timeout"/> for a slot; null when none came in time or too many wait
    /// already. Dispose to release.</summary>
    public static IDisposable? Enter(int size, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var gate = Gates.GetOrAdd(size, n => new Gate(n));
        if (Interlocked.Increment(ref gate.Waiting) > size * WaitersPerSlot)
        {
            Interlocked.Decrement(ref gate.Waiting);
            return null;
        }

        try
        {
            return gate.Slots.Wait(timeout, cancellationToken) ? new Slot(gate.Slots) : null;
        }
        finally
        {
            Interlocked.Decrement(ref gate.Waiting);
        }
    }

    /// <summary>Messages waiting now for a slot of the gate of <paramref name="size"/> (for tests).</summary>
    internal static int Waiting(int size) => Gates.TryGetValue(size, out var gate) ? Volatile.Read(ref gate.Waiting) : 0;

    private sealed class Gate(int size)
    {
        public int Waiting;

        public SemaphoreSlim Slots { get; } = new(size, size);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
