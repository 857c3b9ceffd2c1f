using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>
/// Invariant 1: <c>250</c> means never lost. The relay is SIGKILLed in the middle of a run and
/// restarted on the same data directory; every message that got <c>250</c> must reach the sink
/// (duplicates are allowed, losses are not). Repeated kills: Security/RepeatedSigkillTests.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CrashRecoveryTests
{
    [TestCase(true, TestName = "SigkillMidRunWithSinkUp_EveryAcceptedMessageArrives")]
    [TestCase(false, TestName = "SigkillWithSinkDown_QueuedMessagesAreDeliveredAfterRestart")]
    public async Task EveryAcceptedMessageSurvivesSigkill(bool sinkUp)
    {
        var sinkPort = TestPorts.Free();
        SmtpSink? sink = sinkUp ? await SmtpSink.StartOnChosenPortAsync(sinkPort) : null;
        try
        {
            await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sinkPort)], tls: "none", auth: "none"));
            var load = new AcknowledgedLoad(relay.SmtpPort, "crash");
            using var stop = new CancellationTokenSource();
            var senders = load.RunAsync(8, stop.Token);
            await load.WaitForAsync(400, TimeSpan.FromSeconds(60));

            relay.Kill(); // while the senders are still mid-transaction
            await stop.CancelAsync();
            await senders;
            var acknowledged = load.Acknowledged;
            Assert.That(acknowledged, Has.Count.GreaterThanOrEqualTo(400), "the load ran before the kill");

            sink ??= await SmtpSink.StartOnChosenPortAsync(sinkPort);
            await relay.StartAsync();

            var missing = acknowledged.ToList();
            var until = DateTime.UtcNow.AddSeconds(90);
            while (missing.Count > 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(500);
                var dump = sink.ReadDump();
                missing = missing.Where(id => !dump.Contains(id, StringComparison.Ordinal)).ToList();
            }

            Assert.That(missing, Is.Empty, $"{missing.Count} of {acknowledged.Count} acknowledged messages were lost. Log tail: {Tail(relay.Log)}");
        }
        finally
        {
            sink?.Dispose();
        }
    }

    private static string Tail(string log) => log.Length <= 3000 ? log : log[^3000..];
}
