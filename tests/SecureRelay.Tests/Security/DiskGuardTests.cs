using System.Globalization;
using System.Text;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Security;

/// <summary>
/// The spool disk guard (<c>spool.min_free_bytes</c>): messages are queued while the next hop is down,
/// then the relay restarts with a guard above the free space of its filesystem. MAIL must get
/// <c>452 4.3.1</c>, <c>/healthz</c> must say so, and every message queued before must still be
/// delivered: a full disk stops intake, never delivery.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DiskGuardTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task AboveTheGuardMailGets452AndQueuedMessagesAreStillDelivered()
    {
        const int queued = 20;
        var sinkPort = TestPorts.Free(); // nothing listens there yet: the next hop is down
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sinkPort)], tls: "none", auth: "none", extra: "spool:\n  min_free_bytes: 0\n"));
        var ids = new List<string>();
        for (var i = 0; i < queued; i++)
        {
            var id = $"guard-{i}-{Guid.NewGuid():N}@clinic.test";
            var message = Encoding.ASCII.GetBytes($"From: app@clinic.test\r\nTo: rcpt@dest.test\r\nSubject: queued\r\nMessage-ID: <{id}>\r\n\r\nqueued before the disk filled\r\n");
            var (stage, reply) = await RawSmtp.SendRawMessageAsync(relay.SmtpPort, "app@clinic.test", "rcpt@dest.test", message);
            Assert.That($"{stage} {reply}", Does.StartWith("DOT 250 "));
            ids.Add(id);
        }

        Assert.That(await relay.StopAsync(Wait), Is.Zero, relay.Log);
        var free = new DriveInfo(relay.Directory).AvailableFreeSpace;
        var guard = free + (1L << 40); // a terabyte more than there is
        var config = await File.ReadAllTextAsync(relay.ConfigFile);
        await File.WriteAllTextAsync(relay.ConfigFile, config.Replace("min_free_bytes: 0", $"min_free_bytes: {guard.ToString(CultureInfo.InvariantCulture)}", StringComparison.Ordinal));
        using var sink = await SmtpSink.StartOnChosenPortAsync(sinkPort);
        await relay.StartAsync();

        var refusals = 0;
        for (var i = 0; i < 3; i++)
        {
            var transcript = await RawSmtp.ConverseAsync(relay.SmtpPort, "EHLO app.test", "MAIL FROM:<app@clinic.test>", "RCPT TO:<rcpt@dest.test>", "QUIT");
            Assert.That(transcript, Does.Contain("C: MAIL FROM:<app@clinic.test>\nS: 452 4.3.1 Insufficient system storage"), transcript);
            Assert.That(transcript, Does.Contain("C: RCPT TO:<rcpt@dest.test>\nS: 503 5.5.1"), "no transaction after the refused MAIL");
            refusals++;
        }

        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri($"http://127.0.0.1:{relay.AdminPort.ToString(CultureInfo.InvariantCulture)}/healthz"));
        Assert.That((int)health.StatusCode, Is.EqualTo(503), await health.Content.ReadAsStringAsync());

        var missing = ids.ToList();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (missing.Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(300);
            var dump = sink.ReadDump();
            missing = [.. missing.Where(id => !dump.Contains(id, StringComparison.Ordinal))];
        }

        SuiteRun.Report("disk-guard", $"guard {guard} B above {free} B free; MAIL refused {refusals}× with 452 4.3.1; healthz {(int)health.StatusCode}; " +
            $"queued before {queued}, delivered after {queued - missing.Count}, lost {missing.Count}");
        Assert.That(missing, Is.Empty, $"{missing.Count} queued messages were not delivered while the disk guard held. {relay.Log[^Math.Min(relay.Log.Length, 3000)..]}");
        Assert.That(relay.Log, Does.Contain("refusing new messages"), "the guard is logged");
    }
}
