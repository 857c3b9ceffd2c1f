using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>Graceful shutdown (Kestrel's close request): an idle session gets <c>421 4.3.2</c> at
/// once instead of holding shutdown until its timeout; a message being received is finished and
/// acknowledged first.</summary>
[TestFixture]
public sealed class ShutdownTests
{
    [Test]
    public async Task IdleSessionGets421AndEndsWhenCloseIsRequested()
    {
        var harness = new SmtpHarness();
        using var close = new CancellationTokenSource();
        var connection = harness.Connect(closeRequested: close.Token);
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("220 "));
        await connection.SendAsync("EHLO client.test\r\n");
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("250-"));

        await close.CancelAsync();
        var rest = await connection.ReadToEndAsync();
        Assert.That(rest, Does.StartWith("421 4.3.2 mx.test.example Service shutting down"));
    }

    [Test]
    public async Task MessageInProgressIsFinishedBeforeTheSessionEnds()
    {
        var harness = new SmtpHarness();
        using var close = new CancellationTokenSource();
        var connection = harness.Connect(closeRequested: close.Token);
        await connection.ReadReplyAsync();
        await connection.SendAsync("EHLO client.test\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\n");
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("250-"));
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("250 "));
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("250 "));
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("354 "));

        await connection.SendAsync("Subject: x\r\n\r\nfirst half ");
        await close.CancelAsync();
        await Task.Delay(100);
        await connection.SendAsync("second half\r\n.\r\n");
        Assert.That(await connection.ReadReplyAsync(), Does.StartWith("250 2.0.0"), "the message in flight is accepted");
        Assert.That(await connection.ReadToEndAsync(), Does.StartWith("421 4.3.2"));
        Assert.That(harness.Acceptor.Messages, Has.Count.EqualTo(1));
    }
}
