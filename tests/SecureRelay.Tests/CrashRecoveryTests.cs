using System.Collections.Concurrent;
using MailKit.Net.Smtp;
using MimeKit;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>
/// Invariant 1: <c>250</c> means never lost. The relay is SIGKILLed in the middle of a run and
/// restarted on the same data directory; every message that got <c>250</c> must reach the sink
/// (duplicates are allowed, losses are not).
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
        SmtpSink? sink = sinkUp ? await StartSinkOnAsync(sinkPort) : null;
        try
        {
            await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", sinkPort)], tls: "none", auth: "none"));
            var accepted = new ConcurrentBag<string>();
            using var stop = new CancellationTokenSource();
            var senders = Enumerable.Range(0, 8).Select(i => SendUntilStoppedAsync(relay.SmtpPort, i, accepted, stop.Token)).ToArray();

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (accepted.Count < 400 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            relay.Kill(); // while the senders are still mid-transaction
            await stop.CancelAsync();
            await Task.WhenAll(senders);
            var acknowledged = accepted.ToHashSet(StringComparer.Ordinal);
            Assert.That(acknowledged, Has.Count.GreaterThanOrEqualTo(400), "the load ran before the kill");

            sink ??= await StartSinkOnAsync(sinkPort);
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

    private static async Task<SmtpSink> StartSinkOnAsync(int port)
    {
        // smtp-sink takes its port on the command line; retry in case the port was taken meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await SmtpSink.StartOnPortAsync(port);
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await Task.Delay(200);
            }
        }
    }

    private static async Task SendUntilStoppedAsync(int port, int worker, ConcurrentBag<string> accepted, CancellationToken stop)
    {
        using var client = new SmtpClient { Timeout = 10_000 };
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync("127.0.0.1", port, MailKit.Security.SecureSocketOptions.None, stop);
                }

                var id = $"crash-{worker}-{n++}-{Guid.NewGuid():N}@test";
                var message = new MimeMessage();
                message.From.Add(MailboxAddress.Parse("app@clinic.test"));
                message.To.Add(MailboxAddress.Parse("rcpt@dest.test"));
                message.Subject = "crash test";
                message.MessageId = id;
                message.Body = new TextPart("plain") { Text = new string('x', 2048) };
                await client.SendAsync(message, CancellationToken.None);
                accepted.Add(id); // only after the 250 reply to the final dot
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // The relay was killed mid-transaction: that message was never acknowledged.
                return;
            }
        }
    }

    private static string Tail(string log) => log.Length <= 3000 ? log : log[^3000..];
}
