using System.Net;
using System.Net.Sockets;

namespace SecureRelay.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on 127.0.0.1 in front of a sink that keeps every byte the client side sent, as
/// it was on the wire: smtp-sink's dump rewrites line endings, so CRLF can only be checked here.
/// </summary>
public sealed class LoopbackTap : IDisposable
{
    private const int MaxRecorded = 64 * 1024 * 1024;
    private readonly TcpListener _listener;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _cts = new();
    private readonly MemoryStream _recorded = new();
    private readonly Lock _lock = new();

    /// <summary>Starts forwarding connections to 127.0.0.1:<paramref name="targetPort"/>.</summary>
    public LoopbackTap(int targetPort)
    {
        _targetPort = targetPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    /// <summary>The port to connect to instead of the target's.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Everything clients sent so far, all connections in arrival order.</summary>
    public byte[] ClientBytes()
    {
        lock (_lock)
        {
            return _recorded.ToArray();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cts.Cancel();
        _listener.Stop();
        _cts.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_cts.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, _targetPort, _cts.Token).ConfigureAwait(false);
                var up = PumpAsync(client.GetStream(), target.GetStream(), record: true);
                var down = PumpAsync(target.GetStream(), client.GetStream(), record: false);
                await Task.WhenAny(up, down).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
            {
                // The test ended or the sink went away: the connection just closes.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool record)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _cts.Token).ConfigureAwait(false)) > 0)
            {
                if (record)
                {
                    lock (_lock)
                    {
                        if (_recorded.Length + read <= MaxRecorded)
                        {
                            _recorded.Write(buffer, 0, read);
                        }
                    }
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _cts.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // One side closed: the other pump ends with it.
        }
        finally
        {
            try
            {
                to.Socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Already closed.
            }
        }
    }
}
