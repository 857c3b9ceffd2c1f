using System.Net;
using System.Net.Sockets;

namespace SecureRelay.Security.Tests.Tls;

/// <summary>
/// A TCP server on 127.0.0.1 with a free port: accepts until disposed and serves each client on its
/// own task. Derived servers set their state, then call <see cref="Start"/>.
/// </summary>
internal abstract class LoopbackTcpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Cancelled when the server is disposed.</summary>
    protected CancellationToken Stopping => _stop.Token;

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Loop ends with the listener's exception.
        }

        _stop.Dispose();
    }

    /// <summary>Starts listening and accepting.</summary>
    protected void Start()
    {
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Serves one accepted client (and disposes it).</summary>
    protected abstract Task ServeAsync(TcpClient client);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }
}
