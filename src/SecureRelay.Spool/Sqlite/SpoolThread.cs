namespace SecureRelay.Spool.Sqlite;

/// <summary>A dedicated background thread woken through <see cref="Gate"/> (the spool's checkpointer and
/// completion thread): <see cref="Stop"/> sets <see cref="Stopping"/> under the gate, wakes the loop and
/// waits for it to end.</summary>
internal abstract class SpoolThread
{
    private readonly Thread _thread;

    protected SpoolThread(string name) => _thread = new Thread(Run) { IsBackground = true, Name = name };

    /// <summary>Lock and monitor the loop waits on.</summary>
    protected object Gate { get; } = new();

    /// <summary>Set under <see cref="Gate"/> when the loop should end.</summary>
    protected bool Stopping { get; private set; }

    public void Start() => _thread.Start();

    /// <summary>Asks the loop to end and waits for it.</summary>
    public void Stop()
    {
        lock (Gate)
        {
            Stopping = true;
            Monitor.Pulse(Gate);
        }

        _thread.Join();
    }

    /// <summary>The thread's body.</summary>
    protected abstract void Run();
}
