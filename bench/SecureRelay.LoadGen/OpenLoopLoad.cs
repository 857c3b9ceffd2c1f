using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Threading.Channels;
using HdrHistogram;

namespace SecureRelay.LoadGen;

/// <summary>
/// Open-loop load: messages arrive on a fixed schedule (i / rate) whatever the server does, and
/// are taken by the first free of N persistent connections. Two latencies are recorded per message:
/// <c>accept</c> = end of the final dot to the 250 reply (the server's acceptance cost, including
/// its fsync), and <c>e2e</c> = scheduled arrival to the 250 reply (adds waiting for a free
/// connection, so a saturated server shows up here instead of being hidden by coordinated omission).
/// </summary>
internal sealed class OpenLoopLoad
{
    private const long HighestMicros = 600_000_000; // 10 minutes
    private readonly string _host;
    private readonly int _port;
    private readonly int _connections;
    private readonly double _rate;
    private readonly int _count;
    private readonly double _duration;
    private readonly double _drain;
    private readonly int _size;
    private readonly int _rcpts;
    private readonly bool _startTls;
    private readonly string _sender;
    private readonly string _rcptDomain;
    private long _ok;
    private long _failed;
    private long _reconnects;

    public OpenLoopLoad(CommandLineArgs a)
    {
        _host = a.GetString("host", "127.0.0.1");
        _port = a.GetInt("port", 2525, 1, 65535);
        _connections = a.GetInt("connections", 10, 1, 5000);
        _rate = a.GetDouble("rate", 100, 0, 1_000_000);
        _count = a.GetInt("count", 1000, 1, 10_000_000);
        _duration = a.GetDouble("duration", 60, 0.1, 3600);
        _drain = a.GetDouble("drain", 30, 0, 600);
        _size = a.GetInt("size", 10240, 0, 50 * 1024 * 1024);
        _rcpts = a.GetInt("rcpts", 1, 1, 1000);
        _startTls = a.GetFlag("starttls");
        _sender = a.GetString("sender", "loadgen@example.com");
        _rcptDomain = a.GetString("rcpt-domain", "example.net");
        if (!_sender.Contains('@', StringComparison.Ordinal) || _rcptDomain.Length == 0 || _rcptDomain.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("--sender must be an address and --rcpt-domain a domain");
        }
    }

    public async Task<int> RunAsync()
    {
        using var hardStop = new CancellationTokenSource(TimeSpan.FromSeconds(_duration + _drain + 30));
        var ct = hardStop.Token;
        var sender = _sender;
        var content = MessageContent.Build(_size, sender, "r0@" + _rcptDomain);

        var conns = await OpenAllAsync(ct).ConfigureAwait(false);
        if (conns.Count == 0)
        {
            Console.Error.WriteLine("loadgen: no connection could be opened");
            return 2;
        }

        // A worker waiting for an arrival continues on the producer's thread (synchronous continuation):
        // its commands go out at the scheduled time, not after a hop through the thread pool.
        var arrivals = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true, AllowSynchronousContinuations = true });
        var start = Stopwatch.GetTimestamp();
        var startUnix = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
        var workers = new List<Task<(LongHistogram Accept, LongHistogram E2e)>>();
        for (var i = 0; i < conns.Count; i++)
        {
            workers.Add(WorkerAsync(conns[i], i, arrivals.Reader, sender, content, ct));
        }

        var scheduled = await ProduceOnOwnThread(arrivals.Writer, start, ct).ConfigureAwait(false);

        // Drain: in-flight and queued messages get `drain` seconds after the last arrival.
        using var drainStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        drainStop.CancelAfter(TimeSpan.FromSeconds(_drain));
        var all = Task.WhenAll(workers);
        await Task.WhenAny(all, Task.Delay(Timeout.Infinite, drainStop.Token).ContinueWith(_ => { }, TaskScheduler.Default)).ConfigureAwait(false);
        if (!all.IsCompleted)
        {
            await hardStop.CancelAsync().ConfigureAwait(false);
        }

        var accept = new LongHistogram(HighestMicros, 3);
        var e2e = new LongHistogram(HighestMicros, 3);
        foreach (var w in workers)
        {
            try
            {
                var (a, e) = await w.ConfigureAwait(false);
                accept.Add(a);
                e2e.Add(e);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or SmtpRejectedException or InvalidDataException)
            {
                // That worker was stopped by the drain limit or could not reconnect; its unfinished
                // messages are reported as such below.
                Console.Error.WriteLine($"loadgen: worker ended early: {e.GetType().Name}: {e.Message}");
            }
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var ok = Interlocked.Read(ref _ok);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"LOADGEN mode=load target_rate={_rate} connections={conns.Count} size={_size} rcpts={_rcpts} tls={(_startTls ? 1 : 0)} " +
            $"scheduled={scheduled} ok={ok} failed={Interlocked.Read(ref _failed)} unfinished={scheduled - ok - Interlocked.Read(ref _failed)} reconnects={Interlocked.Read(ref _reconnects)} " +
            $"start_unix={startUnix:F6} elapsed_s={elapsed:F3} achieved_rate={ok / elapsed:F1} " +
            $"accept_p50_ms={Ms(accept, 50)} accept_p90_ms={Ms(accept, 90)} accept_p99_ms={Ms(accept, 99)} accept_p999_ms={Ms(accept, 99.9)} accept_max_ms={MaxMs(accept)} " +
            $"e2e_p50_ms={Ms(e2e, 50)} e2e_p99_ms={Ms(e2e, 99)} e2e_max_ms={MaxMs(e2e)}"));
        return ok == scheduled ? 0 : 1;
    }

    private static string Ms(LongHistogram h, double p) =>
        h.TotalCount == 0 ? "nan" : (h.GetValueAtPercentile(p) / 1000.0).ToString("F3", CultureInfo.InvariantCulture);

    private static string MaxMs(LongHistogram h) =>
        h.TotalCount == 0 ? "nan" : (h.GetMaxValue() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);

    private static long ToMicros(long ticks) => Math.Clamp(ticks * 1_000_000 / Stopwatch.Frequency, 0, HighestMicros);

    private async Task<List<SmtpClientConnection>> OpenAllAsync(CancellationToken ct)
    {
        var tasks = Enumerable.Range(0, _connections).Select(async _ =>
        {
            try
            {
                return await SmtpClientConnection.OpenAsync(_host, _port, _startTls, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpRejectedException or InvalidDataException or System.Security.Authentication.AuthenticationException)
            {
                Console.Error.WriteLine($"loadgen: connect failed: {e.Message}");
                return null;
            }
        });
        var opened = await Task.WhenAll(tasks).ConfigureAwait(false);
        return opened.OfType<SmtpClientConnection>().ToList();
    }

    /// <summary>Runs <see cref="Produce"/> on a dedicated thread: the schedule is kept by the kernel's
    /// sleep, not by a thread-pool timer that a busy pool fires late (which turned the fixed arrival rate
    /// into bursts of catch-up arrivals).</summary>
    private Task<long> ProduceOnOwnThread(ChannelWriter<long> writer, long start, CancellationToken ct)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.TrySetResult(Produce(writer, start, ct));
            }
            catch (Exception e)
            {
                writer.TryComplete(e);
                done.TrySetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "arrivals",
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>Writes arrival timestamps on schedule until count or duration is reached.</summary>
    private long Produce(ChannelWriter<long> writer, long start, CancellationToken ct)
    {
        long produced = 0;
        var durationTicks = (long)(_duration * Stopwatch.Frequency);
        if (_rate <= 0)
        {
            // Closed loop ("as fast as the connections go"): all arrivals are due at once; e2e then
            // includes queueing behind the whole batch and only accept latency is meaningful.
            for (; produced < _count; produced++)
            {
                writer.TryWrite(start);
            }

            writer.Complete();
            return produced;
        }

        var interval = Stopwatch.Frequency / _rate;
        while (produced < _count && !ct.IsCancellationRequested)
        {
            var now = Stopwatch.GetTimestamp();
            if (now - start > durationTicks)
            {
                break;
            }

            while (produced < _count)
            {
                var due = start + (long)(produced * interval);
                if (due > now)
                {
                    break;
                }

                writer.TryWrite(due);
                produced++;
            }

            if (produced < _count)
            {
                // Sleep until the next arrival is due (the kernel wakes this thread, ~1 ms granularity).
                var wait = start + (long)(produced * interval) - Stopwatch.GetTimestamp();
                Thread.Sleep(Math.Max(1, (int)(wait * 1000 / Stopwatch.Frequency)));
            }
        }

        writer.Complete();
        return produced;
    }

    private async Task<(LongHistogram Accept, LongHistogram E2e)> WorkerAsync(
        SmtpClientConnection conn, int index, ChannelReader<long> arrivals, string sender, byte[] content, CancellationToken ct)
    {
        var accept = new LongHistogram(HighestMicros, 3);
        var e2e = new LongHistogram(HighestMicros, 3);
        var recipients = new string[_rcpts];
        long seq = 0;
        var current = conn;
        try
        {
            while (await arrivals.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (arrivals.TryRead(out var due))
                {
                    seq++;
                    for (var r = 0; r < _rcpts; r++)
                    {
                        // Distinct recipients per message (like smtp-source -N) so no cache sees 100% hits.
                        recipients[r] = string.Create(CultureInfo.InvariantCulture, $"c{index}m{seq}r{r}@{_rcptDomain}");
                    }

                    try
                    {
                        var ticks = await current.SendAsync(sender, recipients, content, ct).ConfigureAwait(false);
                        accept.RecordValue(ToMicros(ticks));
                        e2e.RecordValue(ToMicros(Stopwatch.GetTimestamp() - due));
                        Interlocked.Increment(ref _ok);
                    }
                    catch (SmtpRejectedException e)
                    {
                        Interlocked.Increment(ref _failed);
                        Console.Error.WriteLine($"loadgen: rejected: {e.Message}");
                    }
                    catch (Exception e) when (e is IOException or SocketException or InvalidDataException)
                    {
                        // The connection broke mid-transaction: count the message as failed, reconnect once.
                        Interlocked.Increment(ref _failed);
                        Interlocked.Increment(ref _reconnects);
                        Console.Error.WriteLine($"loadgen: connection error: {e.Message}");
                        await current.DisposeAsync().ConfigureAwait(false);
                        current = await SmtpClientConnection.OpenAsync(_host, _port, _startTls, ct).ConfigureAwait(false);
                    }
                }
            }

            await current.QuitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            await current.DisposeAsync().ConfigureAwait(false);
        }

        return (accept, e2e);
    }
}
