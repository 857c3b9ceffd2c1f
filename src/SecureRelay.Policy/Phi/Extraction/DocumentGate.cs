namespace SecureRelay.Policy.Phi.Extraction;

/// <summary>Process-wide bound on documents (PDF, Office, archives) parsed at once: one per processor.
/// Parsing is CPU and memory work that a time limit cannot interrupt inside a library call, so without
/// this bound a burst of heavy attachments (or abandoned work still running) could take every core and
/// any amount of memory. Held by one extraction from its first document until it returns.</summary>
internal static class DocumentGate
{
    private static readonly SemaphoreSlim Slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Waits for a slot (cancelled with the classification budget's token); dispose to release.</summary>
    public static IDisposable Enter(ClassificationBudget budget)
    {
        Slots.Wait(budget.Token);
        return new Slot();
    }

    private sealed class Slot : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Slots.Release();
            }
        }
    }
}
