using System.Net.Sockets;

namespace SecureRelay.Testing;

/// <summary>The accept/receive loop of the loopback servers: takes the next connection or datagram
/// until stopped, and ends quietly when the socket is closed under it.</summary>
internal static class ReceiveLoop
{
    public static async Task RunAsync<T>(Func<CancellationToken, ValueTask<T>> receive, Func<T, Task> handle, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            T item;
            try
            {
                item = await receive(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            await handle(item);
        }
    }
}
