using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>The session's one deadline timer: a deadline that fired must not fail the waits and writes that
/// follow it (the 250 of a committed message, the 421 of a timeout).</summary>
[TestFixture]
public sealed class DeadlineTests
{
    [Test]
    public async Task CommittedMessageGetsIts250AfterADeadlineFiredAsItsReadCompleted()
    {
        var harness = new SmtpHarness(s =>
        {
            s.Limits.CommandTimeout = TimeSpan.FromMilliseconds(200);
            s.Limits.DataTimeout = TimeSpan.FromMilliseconds(200);
            s.Limits.MinimumDataRate = 0;
        });
        harness.Acceptor.CompleteDelay = TimeSpan.FromMilliseconds(500); // a slow classification and spool commit
        DeadlineRacingReader? racing = null;
        var connection = new TestConnection(harness.Handler, SmtpHarness.RelayClient, SmtpHarness.ServerEndPoint, serverInput: r => racing = new DeadlineRacingReader(r));

        // After the greeting the session waits in a read (not a TryRead), which the racing reader completes late.
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("220 "));
        var output = await connection.ReplayAsync(SmtpHarness.Envelope + "DATA\r\nSubject: slow commit\r\n\r\nbody\r\n.\r\nQUIT\r\n", Fragmentation.Whole);

        Assert.That(racing!.RacedReads, Is.GreaterThanOrEqualTo(1), "a read completed after its deadline fired");
        Assert.That(output, Does.EndWith("354 End data with <CR><LF>.<CR><LF>\r\n250 2.0.0 Ok: queued\r\n221 2.0.0 Bye\r\n"),
            "the committed message is acknowledged and the session goes on");
        Assert.That(harness.Acceptor.Single().BodyText, Is.EqualTo("Subject: slow commit\r\n\r\nbody\r\n"));
        Assert.That(harness.Logs.Entries.Select(e => e.Message), Has.None.Contains("client does not read its replies"));
    }

    [Test]
    public async Task TricklingClientOverTlsGetsItsDataRate421()
    {
        var harness = SmtpHarness.WithTls(server: s =>
        {
            s.Limits.MinimumDataRate = 1000;
            s.Limits.MinimumDataRateGracePeriod = TimeSpan.FromMilliseconds(300);
        });
        var connection = harness.Connect(SmtpHarness.RelayClient);
        await using var client = new StreamClient(connection.ClientStream);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO c.example");
        await client.CommandAsync("STARTTLS");
        await client.StartTlsAsync();
        await client.CommandAsync("EHLO c.example");
        Assert.That(await client.CommandAsync("MAIL FROM:<a@b.example>"), Does.StartWith("250 "));
        Assert.That(await client.CommandAsync("RCPT TO:<c@d.example>"), Does.StartWith("250 "));
        Assert.That(await client.CommandAsync("DATA"), Does.StartWith("354 "));

        using var stop = new CancellationTokenSource();
        var trickle = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < 100 && !stop.IsCancellationRequested; i++)
                {
                    await client.Stream.WriteAsync("x"u8.ToArray(), stop.Token);
                    await Task.Delay(50, stop.Token);
                }
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // the server closed the connection, as it should
            }
        });
        var reply = await client.ReadReplyAsync();
        await stop.CancelAsync();
        await trickle;

        Assert.That(reply, Is.EqualTo("421 4.4.2 mx.test.example Error: data rate too low\r\n"));
        await connection.Session.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.That(harness.Acceptor.Aborted, Is.EqualTo(1));
    }
}
