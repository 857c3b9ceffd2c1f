using System.Text.RegularExpressions;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests.Security;

/// <summary>
/// Invariant 1 under repeated crashes: parallel clients keep sending while the relay is SIGKILLed several
/// times (mid-transaction, mid-delivery, mid-recovery of the previous crash) and restarted on the same
/// data directory. Every message that got <c>250</c> must reach the sink in the end; duplicates are
/// allowed (at-least-once), losses are not.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class RepeatedSigkillTests
{
    [Test]
    public async Task RepeatedSigkillUnderLoadLosesNoAcknowledgedMessage()
    {
        var kills = SuiteRun.Count("KILLS", 3);
        var perRound = SuiteRun.Count("MESSAGES_PER_KILL", 150);
        using var sink = await SmtpSink.StartAsync();
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sink.Port)], tls: "none", auth: "none"));
        var load = new AcknowledgedLoad(relay.SmtpPort, "kill");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var perKill = new List<int>();

        for (var round = 0; round < kills; round++)
        {
            var before = load.Count;
            using var stop = new CancellationTokenSource();
            var senders = load.RunAsync(8, stop.Token);
            await load.WaitForAsync(before + perRound, TimeSpan.FromSeconds(60));
            relay.Kill(); // the senders are mid-transaction, deliveries mid-flight
            await stop.CancelAsync();
            await senders;
            perKill.Add(load.Count - before);
            Assert.That(load.Count, Is.GreaterThan(before), $"round {round}: the load made no progress before the kill. {Tail(relay.Log)}");
            await relay.StartAsync();
        }

        var acknowledged = load.Acknowledged;
        var missing = acknowledged.ToList();
        var until = DateTime.UtcNow.AddSeconds(Math.Max(90, acknowledged.Count / 50));
        while (missing.Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(500);
            var arrived = MessageIds().Matches(sink.ReadDump()).Select(m => m.Groups["id"].Value).ToHashSet(StringComparer.Ordinal);
            missing = [.. missing.Where(id => !arrived.Contains(id))];
        }

        var transactions = sink.CountMessages();
        SuiteRun.Report("repeated-sigkill", $"{kills} kills in {clock.Elapsed.TotalSeconds:F1} s; acked {acknowledged.Count} " +
            $"(per round {string.Join("/", perKill)}); received {acknowledged.Count - missing.Count}; missing {missing.Count}; " +
            $"sink transactions {transactions} (duplicates after crashes {Math.Max(0, transactions - (acknowledged.Count - missing.Count))})");
        Assert.That(missing, Is.Empty, $"{missing.Count} of {acknowledged.Count} acknowledged messages were lost, e.g. {missing.FirstOrDefault()}. Log tail: {Tail(relay.Log)}");
    }

    [GeneratedRegex(@"^Message-ID:\s*<(?<id>[^>\r\n]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIds();

    private static string Tail(string log) => log.Length <= 3000 ? log : log[^3000..];
}
