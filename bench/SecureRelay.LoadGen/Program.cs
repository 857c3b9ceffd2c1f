using System.Net.Sockets;

namespace SecureRelay.LoadGen;

/// <summary>Entry point: <c>load</c>, <c>idle</c> or <c>sink</c> mode. Each prints one
/// machine-readable <c>LOADGEN key=value ...</c> line with its result.</summary>
internal static class Program
{
    private const string Usage = """
        usage: securerelay-loadgen load --port P [--host 127.0.0.1] [--rate MSG_PER_S (0 = closed loop)] [--connections N]
                                   [--count N] [--duration S] [--drain S] [--size BYTES] [--rcpts K] [--starttls]
                                   [--sender ADDR] [--rcpt-domain DOMAIN]
               securerelay-loadgen idle --port P [--connections 1000] [--hold S] [--parallel 50] [--starttls]
               securerelay-loadgen sink --port P [--expect-rcpts N] [--timeout S] [--idle-timeout S] [--linger S] [--control FIFO]
                                   [--tls-port P [--tls-cert PEM --tls-key PEM]]
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.Error.WriteLine(Usage);
            return args.Length == 0 ? 64 : 0;
        }

        // Socket completions run their continuation on the socket engine's own thread instead of
        // being queued to the thread pool: no wake-up of another thread per read or write. This tool's
        // work per event is tiny, and a load generator or sink should take as little of the machine
        // (and add as little delay to what it times) as it can. Read once, at the first socket
        // operation, so it is set before any.
        Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        try
        {
            var options = new CommandLineArgs(args[1..]);
            switch (args[0])
            {
                case "load":
                    var load = new OpenLoopLoad(options);
                    options.RejectUnknown();
                    return await load.RunAsync().ConfigureAwait(false);
                case "idle":
                    var idle = new IdleConnections(options);
                    options.RejectUnknown();
                    return await idle.RunAsync().ConfigureAwait(false);
                case "sink":
                    var sink = new CountingSink(options);
                    options.RejectUnknown();
                    return await sink.RunAsync().ConfigureAwait(false);
                default:
                    Console.Error.WriteLine($"unknown mode '{args[0]}'\n{Usage}");
                    return 64;
            }
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"securerelay-loadgen: {e.Message}\n{Usage}");
            return 64;
        }
        catch (SocketException e)
        {
            Console.Error.WriteLine($"securerelay-loadgen: {e.Message}");
            return 2;
        }
    }
}
