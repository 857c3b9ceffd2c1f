using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>SIGTERM: stop accepting, tell idle clients <c>421 4.3.2</c>, finish deliveries, flush
/// the spool and exit 0 — well before the shutdown timeout.</summary>
[TestFixture]
[NonParallelizable]
public sealed class GracefulShutdownTests
{
    [Test]
    public async Task SigtermWithAnIdleClientExitsCleanlyAndPromptly()
    {
        var sinkPort = TestPorts.Free();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sinkPort)], tls: "none", auth: "none"));

        // Accepted while the next hop is down: it must still be in the spool after the shutdown.
        var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", "x@dest.test", TimeSpan.FromSeconds(30), "--body", "kept across shutdown 4b2");
        Assert.That(code, Is.Zero, output);

        using var idle = new TcpClient();
        await idle.ConnectAsync("127.0.0.1", relay.SmtpPort);
        var stream = idle.GetStream();
        var buffer = new byte[512];
        var greeting = Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer));
        Assert.That(greeting, Does.StartWith("220 "));

        var watch = Stopwatch.StartNew();
        var exit = await relay.StopAsync(TimeSpan.FromSeconds(25));
        watch.Stop();
        Assert.That(exit, Is.Zero, relay.Log);
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "an idle client does not hold shutdown to its timeout");
        var goodbye = Encoding.ASCII.GetString(buffer, 0, await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.That(goodbye, Does.StartWith("421 4.3.2"));
        Assert.That(relay.Log, Does.Contain("shutdown complete"));

        using var sink = await SmtpSink.StartOnPortAsync(sinkPort);
        await relay.StartAsync();
        Assert.That(await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)), Is.EqualTo(1), relay.Log);
        Assert.That(sink.ReadDump(), Does.Contain("kept across shutdown 4b2"));
    }
}
