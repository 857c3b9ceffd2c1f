using System.Collections.Concurrent;

namespace SecureRelay.Policy.Phi.Extraction.Ocr;

/// <summary>Process-wide bound on Tesseract processes running at once (<see cref="OcrSettings.MaxConcurrency"/>,
/// each one thread), so that a burst of scanned mail never takes every core from SMTP: the rest wait, within
/// their message's OCR time, and stay unreadable if it runs out. One semaphore per configured size: a reload
/// that changes the size starts a new one while the old runs finish.</summary>
internal static class OcrGate
{
    private static readonly ConcurrentDictionary<int, SemaphoreSlim> Slots = new();

    /// <summary>Waits up to <paramref name="timeout"/> for a slot; null when none came in time. Dispose to release.</summary>
    public static IDisposable? Enter(int size, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var slots = Slots.GetOrAdd(size, n => new SemaphoreSlim(n, n));
        return slots.Wait(timeout, cancellationToken) ? new Slot(slots) : null;
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
