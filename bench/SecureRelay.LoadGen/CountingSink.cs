using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace SecureRelay.LoadGen;

/// <summary>
/// SMTP sink that accepts everything and records when each message arrived. A measurement waits
/// until the expected number of recipients has been delivered (so its end is the exact time of the
/// last delivery, whatever the relay's batching of recipients into messages) or its time limits
/// expire. Unlike <c>smtp-sink -M</c> it never drops a connection on its own.
/// <para>Single shot: <c>--expect-rcpts N</c> measures once and exits. Service: <c>--control FILE</c>
/// (a FIFO) keeps the sink — and the relays' cached connections to it — up across measurements;
/// each line <c>expect N TIMEOUT_S IDLE_S TAG</c> starts one, <c>quit</c> stops.</para>
/// <para><c>--tls-port P</c> adds a second listener that offers STARTTLS (certificate from
/// <c>--tls-cert/--tls-key</c> PEM files, else self-signed in memory); the main port never offers it.
/// Both feed the same counters. The result line also counts messages that carried a
/// <c>DKIM-Signature:</c> field (<c>signed=</c>) and that arrived over TLS (<c>tls=</c>).</para>
/// </summary>
internal sealed class CountingSink
{
    private readonly int _port;
    private readonly long _expectRcpts;
    private readonly double _timeout;
    private readonly double _idleTimeout;
    private readonly double _linger;
    private readonly string _control;
    private readonly int _tlsPort;
    private readonly string _tlsCert;
    private readonly string _tlsKey;
    private SinkRound _round = new(0, "idle");
    private long _sessions;
    private long _activeSessions;

    public CountingSink(CommandLineArgs a)
    {
        _port = a.GetInt("port", 2526, 1, 65535);
        _expectRcpts = a.GetInt("expect-rcpts", 0, 0, int.MaxValue);
        _timeout = a.GetDouble("timeout", 300, 1, 86400);
        _idleTimeout = a.GetDouble("idle-timeout", 60, 1, 3600);
        _linger = a.GetDouble("linger", 1, 0, 60);
        _control = a.GetString("control", string.Empty);
        _tlsPort = a.GetInt("tls-port", 0, 0, 65535);
        _tlsCert = a.GetString("tls-cert", string.Empty);
        _tlsKey = a.GetString("tls-key", string.Empty);
    }

    public async Task<int> RunAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(_timeout));
        using var certificate = _tlsPort > 0 ? SinkCertificate.Load(_tlsCert, _tlsKey) : null;
        var listener = Listen(_port);
        var tlsListener = certificate is not null ? Listen(_tlsPort) : null;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LOADGEN mode=sink-listening port={_port} tls_port={_tlsPort}"));
        await Console.Out.FlushAsync(stop.Token).ConfigureAwait(false);
        var acceptLoop = AcceptLoopAsync(listener, null, stop.Token);
        var tlsAcceptLoop = tlsListener is not null ? AcceptLoopAsync(tlsListener, certificate, stop.Token) : Task.CompletedTask;
        int rc;
        if (_control.Length > 0)
        {
            rc = await ServeControlAsync(stop.Token).ConfigureAwait(false);
        }
        else
        {
            var round = new SinkRound(_expectRcpts, "single");
            Volatile.Write(ref _round, round);
            var complete = await MeasureAsync(round, _timeout, _idleTimeout, stop.Token).ConfigureAwait(false);

            // Let clients that are done send QUIT and close (an smtp-source that loses its
            // connection reports a fatal error); cached relay connections are cut after the linger.
            for (var waited = 0.0; complete && waited < _linger && Interlocked.Read(ref _activeSessions) > 0; waited += 0.02)
            {
                await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
            }

            rc = complete || _expectRcpts == 0 ? 0 : 3;
        }

        await stop.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        tlsListener?.Stop();
        try
        {
            await Task.WhenAll(acceptLoop, tlsAcceptLoop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped on purpose.
        }

        return rc;
    }

    /// <summary>Called by a session after the 250 for a message has been flushed.</summary>
    internal void MessageDelivered(int recipients, long bytes, bool signed, bool tls) =>
        Volatile.Read(ref _round).Delivered(recipients, bytes, signed, tls);

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start(1024);
        return listener;
    }

    private static double ToUnix(long ticks) =>
        ticks == 0 ? 0 : (ticks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond;

    private async Task<int> ServeControlAsync(CancellationToken ct)
    {
        using var reader = new StreamReader(new FileStream(_control, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: false));
        for (var commands = 0; commands < 100_000 && !ct.IsCancellationRequested; commands++)
        {
            // A FIFO read blocks a thread; fine for one control channel.
            var line = await Task.Run(reader.ReadLine, ct).ConfigureAwait(false);
            if (line is null || line.Trim() == "quit")
            {
                return 0;
            }

            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length != 5 || f[0] != "expect"
                || !long.TryParse(f[1], CultureInfo.InvariantCulture, out var target) || target < 1
                || !double.TryParse(f[2], CultureInfo.InvariantCulture, out var timeout) || timeout <= 0
                || !double.TryParse(f[3], CultureInfo.InvariantCulture, out var idle) || idle <= 0)
            {
                Console.Error.WriteLine($"sink: bad control line '{line}' (expected: expect N TIMEOUT_S IDLE_S TAG)");
                continue;
            }

            var round = new SinkRound(target, f[4]);
            Volatile.Write(ref _round, round);
            Console.WriteLine($"LOADGEN mode=sink-armed tag={round.Tag}");
            await Console.Out.FlushAsync(ct).ConfigureAwait(false);
            await MeasureAsync(round, timeout, idle, ct).ConfigureAwait(false);
            Volatile.Write(ref _round, new SinkRound(0, "idle"));
        }

        return 0;
    }

    /// <summary>Waits for the round to complete, its time limit, or idle-seconds without a delivery
    /// (once one arrived); prints its result line.</summary>
    private async Task<bool> MeasureAsync(SinkRound round, double timeout, double idle, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        var complete = false;
        while (!ct.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            var finished = await Task.WhenAny(round.Done, Task.Delay(200, CancellationToken.None)).ConfigureAwait(false);
            if (finished == round.Done)
            {
                complete = true;
                break;
            }

            var last = round.LastTicks;
            if (last != 0 && (DateTime.UtcNow.Ticks - last) / (double)TimeSpan.TicksPerSecond > idle)
            {
                break;
            }
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"LOADGEN mode=sink tag={round.Tag} complete={(complete ? 1 : 0)} messages={round.Messages} rcpts={round.Rcpts} " +
            $"bytes={round.Bytes} signed={round.Signed} tls={round.Tls} sessions={Interlocked.Read(ref _sessions)} " +
            $"first_unix={ToUnix(round.FirstTicks):F6} last_unix={ToUnix(round.LastTicks):F6}"));
        await Console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        return complete;
    }

    private async Task AcceptLoopAsync(TcpListener listener, X509Certificate2? certificate, CancellationToken ct)
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
                        await new SinkSession(client, this, _idleTimeout, certificate).RunAsync(ct).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _activeSessions);
                    }
                },
                CancellationToken.None);
        }
    }
}
