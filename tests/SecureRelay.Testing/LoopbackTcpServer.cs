using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SecureRelay.Testing;

/// <summary>
/// A TCP server on loopback (a free port unless told otherwise): accepts until disposed and serves
/// each client on its own task. Derived servers set their state, then call <see cref="Start"/>.
/// </summary>
public abstract class LoopbackTcpServer : IDisposable, IAsyncDisposable
{
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(5);

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private int _connections;
    private Task? _loop;

    /// <summary>A server on <paramref name="address"/> (default 127.0.0.1) and <paramref name="port"/> (0 = free).</summary>
    protected LoopbackTcpServer(IPAddress? address = null, int port = 0)
    {
        _listener = new TcpListener(address ?? IPAddress.Loopback, port);
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Cancelled when the server is disposed.</summary>
    protected CancellationToken Stopping => _stop.Token;

    /// <summary>Stops accepting, cancels <see cref="Stopping"/> and waits (bounded) for the sessions.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        _listener.Stop();
        try
        {
            Task.WhenAll([_loop ?? Task.CompletedTask, .. _sessions]).Wait(StopWait);
        }
        catch (AggregateException)
        {
            // A session ended with its client's exception: the test asserts what the server saw.
        }

        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts listening and accepting.</summary>
    protected void Start(int backlog = 512)
    {
        _listener.Start(backlog);
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Serves one accepted client (numbered from 1 in order of arrival) and disposes it.</summary>
    protected abstract Task ServeAsync(TcpClient client, int connection);

    private Task LoopAsync() =>
        ReceiveLoop.RunAsync(_listener.AcceptTcpClientAsync, client =>
        {
            int n = Interlocked.Increment(ref _connections);
            _sessions.Add(Task.Run(() => ServeAsync(client, n)));
            return Task.CompletedTask;
        }, _stop.Token);
}
