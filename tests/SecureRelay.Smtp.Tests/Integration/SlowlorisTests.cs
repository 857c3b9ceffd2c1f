using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Integration;

/// <summary>A bounded slowloris attack on a real Kestrel listener: 2,000 connections that never send a
/// command. Under stress they are shed by the stress command timeout, a normal client is served meanwhile,
/// and memory stays bounded.</summary>
[TestFixture]
public sealed class SlowlorisTests
{
    private const int Attackers = 2000;

    [Test]
    public async Task IdleConnectionsAreShedAndANormalClientIsServed()
    {
        var harness = new SmtpHarness(s =>
        {
            s.Limits.MaxConnections = 2200;          // stress above 1,760 open
            s.Limits.ConnectionsPerAddress = 5000;   // every attacker is 127.0.0.1 here
            s.Limits.StressCommandTimeout = TimeSpan.FromSeconds(3);
        }, l => l.RelayNetworks = [IPNetwork.Parse("127.0.0.0/8")]);
        await using var server = await KestrelSmtpServer.StartAsync(harness);

        GC.Collect();
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        var attackers = new List<Socket>(Attackers);
        try
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Attackers; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                attackers.Add(socket);
                await socket.ConnectAsync(server.EndPoint).WaitAsync(TimeSpan.FromSeconds(20));
            }

            TestContext.Out.WriteLine($"{Attackers} idle connections opened in {clock.ElapsedMilliseconds} ms");
            var rssAttacked = Process.GetCurrentProcess().WorkingSet64;

            clock.Restart();
            var transcript = await NormalClientAsync(server.EndPoint);
            var latency = clock.Elapsed;
            TestContext.Out.WriteLine($"normal client: a whole transaction in {latency.TotalMilliseconds:F1} ms during the attack");
            Assert.That(transcript, Does.Contain("250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"));

            clock.Restart();
            var shed = await Task.WhenAll(attackers.Select(ReadToEndAsync));
            TestContext.Out.WriteLine($"all {Attackers} idle connections shed {clock.ElapsedMilliseconds} ms after the client finished");
            Assert.That(shed.Count(t => t.EndsWith("421 4.4.2 mx.test.example Error: timeout exceeded\r\n", StringComparison.Ordinal)), Is.EqualTo(Attackers));

            var growth = (rssAttacked - rssBefore) / (1024.0 * 1024.0);
            TestContext.Out.WriteLine($"RSS {rssBefore / 1048576.0:F0} MB before, {rssAttacked / 1048576.0:F0} MB with {Attackers} open (+{growth:F0} MB, both ends in this process)");
            Assert.That(growth, Is.LessThan(256), "2,000 idle sessions (both ends) must not cost more than 256 MB");
            Assert.That(harness.Handler.ClientTracker.OpenConnections, Is.Zero);
        }
        finally
        {
            foreach (var socket in attackers)
            {
                socket.Dispose();
            }
        }
    }

    private static async Task<string> NormalClientAsync(IPEndPoint endPoint)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endPoint).WaitAsync(TimeSpan.FromSeconds(20));
        var client = new StreamClient(tcp.GetStream());
        var transcript = new StringBuilder(await client.ReadReplyAsync());
        foreach (var line in new[] { "EHLO app.example", "MAIL FROM:<app@clinic.example>", "RCPT TO:<patient@dest.example>", "DATA", "Subject: during an attack\r\n\r\nhello\r\n.", "QUIT" })
        {
            transcript.Append(await client.CommandAsync(line));
        }

        return transcript.ToString();
    }

    private static async Task<string> ReadToEndAsync(Socket socket)
    {
        var buffer = new byte[512];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            if (n == 0)
            {
                return text.ToString();
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }
}
