using System.Globalization;
using System.Net.Sockets;

namespace SecureRelay.LoadGen;

/// <summary>
/// Opens N connections (greeting + EHLO each), prints a ready line, holds them idle for a while,
/// then QUITs. The harness reads the server's peak RSS meanwhile: the memory a server needs per
/// idle client is what limits how many it can serve.
/// </summary>
internal sealed class IdleConnections
{
    private readonly string _host;
    private readonly int _port;
    private readonly int _connections;
    private readonly double _hold;
    private readonly int _parallel;
    private readonly bool _startTls;

    public IdleConnections(CommandLineArgs a)
    {
        _host = a.GetString("host", "127.0.0.1");
        _port = a.GetInt("port", 2525, 1, 65535);
        _connections = a.GetInt("connections", 1000, 1, 20000);
        _hold = a.GetDouble("hold", 10, 0, 600);
        _parallel = a.GetInt("parallel", 50, 1, 1000);
        _startTls = a.GetFlag("starttls");
    }

    public async Task<int> RunAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(_hold + 120));
        var ct = stop.Token;
        var opened = new List<SmtpClientConnection>(_connections);
        var failed = 0;
        var started = DateTime.UtcNow;
        using var gate = new SemaphoreSlim(_parallel);
        var tasks = Enumerable.Range(0, _connections).Select(async _ =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                return await SmtpClientConnection.OpenAsync(_host, _port, _startTls, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpRejectedException or InvalidDataException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                Interlocked.Increment(ref failed);
                return null;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        foreach (var c in await Task.WhenAll(tasks).ConfigureAwait(false))
        {
            if (c is not null)
            {
                opened.Add(c);
            }
        }

        var openSeconds = (DateTime.UtcNow - started).TotalSeconds;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"LOADGEN mode=idle-ready opened={opened.Count} failed={failed} open_s={openSeconds:F3}"));
        await Console.Out.FlushAsync(ct).ConfigureAwait(false);
        await Task.Delay(TimeSpan.FromSeconds(_hold), ct).ConfigureAwait(false);

        await Task.WhenAll(opened.Select(c => c.QuitAsync(ct))).ConfigureAwait(false);
        foreach (var c in opened)
        {
            await c.DisposeAsync().ConfigureAwait(false);
        }

        Console.WriteLine(string.Create(inv, $"LOADGEN mode=idle opened={opened.Count} failed={failed} hold_s={_hold}"));
        return opened.Count == _connections ? 0 : 1;
    }
}
