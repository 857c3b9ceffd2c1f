using System.Net;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary><see cref="SmtpLimits.MaxConnections"/> over all listeners, and the stress command timeout that sheds
/// idle connections when they run short.</summary>
[TestFixture]
public sealed class ConnectionLimitTests
{
    private static IPEndPoint Client(int i) => new(IPAddress.Parse($"10.7.0.{i}"), 40000);

    [Test]
    public async Task ConnectionsBeyondTheServerWideCapGet421AcrossListeners()
    {
        var tracker = new SmtpClientTracker();
        var first = new SmtpHarness(s => s.Limits.MaxConnections = 3, tracker: tracker);
        var second = new SmtpHarness(s => s.Limits.MaxConnections = 3, tracker: tracker);
        var open = new[] { first.Connect(Client(1)), first.Connect(Client(2)), second.Connect(Client(3)) };
        foreach (var connection in open)
        {
            Assert.That(await connection.ReadReplyAsync(), Is.EqualTo("220 mx.test.example ESMTP\r\n"));
        }

        var refused = second.Connect(Client(4));
        Assert.That(await refused.ReadToEndAsync(), Is.EqualTo("421 4.7.0 mx.test.example Error: too many connections\r\n"));
        Assert.That(tracker.OpenConnections, Is.EqualTo(3));

        await open[0].SendAsync("QUIT\r\n");
        await open[0].ReadToEndAsync();
        var again = second.Connect(Client(4));
        Assert.That(await again.ReadReplyAsync(), Does.StartWith("220 "), "a freed slot is usable at once");
        foreach (var connection in open.Skip(1).Append(again))
        {
            await connection.CloseAsync();
            await connection.Session.WaitAsync(TimeSpan.FromSeconds(20));
        }

        Assert.That(tracker.OpenConnections, Is.Zero);
    }

    [Test]
    public async Task UnderStressIdleConnectionsAreShedWhileATalkingClientIsServed()
    {
        var harness = new SmtpHarness(s =>
        {
            s.Limits.MaxConnections = 10;                                    // stress above 8 open
            s.Limits.CommandTimeout = TimeSpan.FromMinutes(5);              // longer than the test may take
            s.Limits.StressCommandTimeout = TimeSpan.FromMilliseconds(300);
        });

        // Eight idle connections wait for a command with the normal 5-minute timeout...
        var idle = Enumerable.Range(1, 8).Select(i => harness.Connect(Client(i))).ToList();
        foreach (var connection in idle)
        {
            Assert.That(await connection.ReadReplyAsync(), Does.StartWith("220 "));
        }

        Assert.That(harness.Handler.ClientTracker.IsUnderStress(harness.ServerOptions.Limits), Is.False);

        // ...until a ninth puts the server under stress: the waits already running are cut short too.
        idle.Add(harness.Connect(Client(9)));
        var talking = harness.Connect(Client(10));
        var transcript = await talking.ReplayAsync(
            "EHLO c.example\r\nMAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nSubject: x\r\n\r\nhi\r\n.\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(transcript, Does.EndWith("250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"), "a client that talks is served under stress");

        var shed = await Task.WhenAll(idle.Select(c => c.ReadToEndAsync()));
        Assert.That(shed, Is.All.EndWith("421 4.4.2 mx.test.example Error: timeout exceeded\r\n"));
        Assert.That(harness.Handler.ClientTracker.OpenConnections, Is.Zero);
    }
}
