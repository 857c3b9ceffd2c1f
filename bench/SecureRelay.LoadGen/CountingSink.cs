using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SecureRelay.LoadGen;

/// <summary>
/// SMTP sink that accepts everything and records when each message arrived. It exits once the
/// expected number of recipients has been delivered (so the harness gets the exact time of the last
/// delivery, whatever the relay's batching of recipients into messages) or when its time limits
/// expire. Unlike <c>smtp-sink -M</c> it never drops a connection, so the relay under test sees no
/// delivery errors at the end of a run.
/// </summary>
internal sealed class CountingSink
{
    private readonly int _port;
    private readonly long _expectRcpts;
    private readonly double _timeout;
    private readonly double _idleTimeout;
    private readonly double _linger;
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _messages;
    private long _rcpts;
    private long _bytes;
    private long _sessions;
    private long _activeSessions;
    private long _firstTicks;
    private long _lastTicks;

    public CountingSink(CommandLineArgs a)
    {
        _port = a.GetInt("port", 2526, 1, 65535);
        _expectRcpts = a.GetInt("expect-rcpts", 0, 0, int.MaxValue);
        _timeout = a.GetDouble("timeout", 300, 1, 3600);
        _idleTimeout = a.GetDouble("idle-timeout", 60, 1, 3600);
        _linger = a.GetDouble("linger", 1, 0, 60);
    }

    public async Task<int> RunAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(_timeout));
        var listener = new TcpListener(IPAddress.Loopback, _port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start(1024);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LOADGEN mode=sink-listening port={_port}"));
        await Console.Out.FlushAsync(stop.Token).ConfigureAwait(false);
        var acceptLoop = AcceptLoopAsync(listener, stop.Token);

        // Stop when complete, when the overall limit expires, or when nothing arrived for idle-timeout.
        var complete = false;
        while (!stop.IsCancellationRequested)
        {
            var finished = await Task.WhenAny(_done.Task, Task.Delay(500, CancellationToken.None)).ConfigureAwait(false);
            if (finished == _done.Task)
            {
                complete = true;
                break;
            }

            var last = Interlocked.Read(ref _lastTicks);
            if (last != 0 && (DateTime.UtcNow.Ticks - last) / (double)TimeSpan.TicksPerSecond > _idleTimeout)
            {
                break;
            }
        }

        // Let clients that are done send QUIT and close (an smtp-source that loses its connection
        // reports a fatal error); relays that keep connections cached are cut after the linger time.
        for (var waited = 0.0; complete && waited < _linger && Interlocked.Read(ref _activeSessions) > 0; waited += 0.02)
        {
            await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        try
        {
            await acceptLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped on purpose.
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"LOADGEN mode=sink complete={(complete ? 1 : 0)} messages={Interlocked.Read(ref _messages)} rcpts={Interlocked.Read(ref _rcpts)} " +
            $"bytes={Interlocked.Read(ref _bytes)} sessions={Interlocked.Read(ref _sessions)} " +
            $"first_unix={ToUnix(Interlocked.Read(ref _firstTicks)):F6} last_unix={ToUnix(Interlocked.Read(ref _lastTicks)):F6}"));
        return complete || _expectRcpts == 0 ? 0 : 3;
    }

    private static double ToUnix(long ticks) =>
        ticks == 0 ? 0 : (ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;

    private async Task AcceptLoopAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(ct).ConfigureAwait(false);
            Interlocked.Increment(ref _sessions);
            Interlocked.Increment(ref _activeSessions);
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        await new SinkSession(client, this, _idleTimeout).RunAsync(ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _activeSessions);
                    }
                },
                CancellationToken.None);
        }
    }

    /// <summary>Called by a session after the 250 for a message has been flushed.</summary>
    internal void MessageDelivered(int recipients, long bytes)
    {
        var now = DateTime.UtcNow.Ticks;
        Interlocked.CompareExchange(ref _firstTicks, now, 0);
        Interlocked.Exchange(ref _lastTicks, now);
        Interlocked.Increment(ref _messages);
        Interlocked.Add(ref _bytes, bytes);
        var total = Interlocked.Add(ref _rcpts, recipients);
        if (_expectRcpts > 0 && total >= _expectRcpts)
        {
            _done.TrySetResult();
        }
    }
}
