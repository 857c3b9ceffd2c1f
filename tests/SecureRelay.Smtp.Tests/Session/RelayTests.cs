using System.Net;
using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Session;

/// <summary>Never an open relay: only relay networks and authenticated clients may relay.</summary>
[TestFixture]
public sealed class RelayTests
{
    [TestCase(Fragmentation.Whole)]
    [TestCase(Fragmentation.LineByLine)]
    public async Task OutsideClientCannotRelay(Fragmentation mode)
    {
        var harness = new SmtpHarness();
        var output = await harness.ReplayAsync(
            "EHLO attacker.example\r\nMAIL FROM:<spam@attacker.example>\r\nRCPT TO:<victim@gmail.example>\r\nRCPT TO:<postmaster>\r\nDATA\r\nspam\r\n.\r\nQUIT\r\n",
            mode,
            SmtpHarness.OutsideClient);
        Assert.That(output, Does.EndWith(
            "250 2.1.0 Ok\r\n554 5.7.1 <victim@gmail.example>: Relay access denied\r\n554 5.7.1 <Postmaster>: Relay access denied\r\n" +
            "503 5.5.1 Error: need RCPT command\r\n500 5.5.2 Error: command not recognized\r\n500 5.5.2 Error: command not recognized\r\n221 2.0.0 Bye\r\n"));
        Assert.That(harness.Acceptor.Calls.Where(c => c.StartsWith("RCPT", StringComparison.Ordinal)), Is.Empty);
        Assert.That(harness.Acceptor.Messages, Is.Empty);
    }

    [Test]
    public async Task RelayNetworkClientRelays()
    {
        var harness = new SmtpHarness();
        await harness.ReplayAsync("EHLO app.example\r\nMAIL FROM:<a@clinic.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nx\r\n.\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(harness.Acceptor.Single().Session.InRelayNetworks, Is.True);
    }

    [Test]
    public async Task Ipv4MappedIpv6ClientMatchesIpv4RelayNetwork()
    {
        var harness = new SmtpHarness();
        var mapped = new IPEndPoint(IPAddress.Parse("::ffff:10.1.2.3"), 5000);
        var output = await harness.ReplayAsync("EHLO app.example\r\nMAIL FROM:<a@clinic.example>\r\nRCPT TO:<c@d.example>\r\nQUIT\r\n", Fragmentation.Whole, mapped);
        Assert.That(output, Does.EndWith("250 2.1.5 Ok\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task EmptyRelayNetworksMeansNobodyRelaysWithoutAuth()
    {
        var harness = new SmtpHarness(listener: l => l.RelayNetworks = []);
        var output = await harness.ReplayAsync("EHLO app.example\r\nMAIL FROM:<a@clinic.example>\r\nRCPT TO:<c@d.example>\r\nQUIT\r\n", Fragmentation.Whole);
        Assert.That(output, Does.EndWith("554 5.7.1 <c@d.example>: Relay access denied\r\n221 2.0.0 Bye\r\n"));
    }

    [Test]
    public async Task AfterTheReplyTheSessionLeavesTheAcceptorsThread()
    {
        // The spool resumes the session on its own completion thread to send the 250 at once; what
        // follows (here the next transaction) must run on the thread pool, not hold that thread.
        var harness = new SmtpHarness();
        harness.Acceptor.CompleteOnOwnThread = true;
        const string message = "MAIL FROM:<a@clinic.example>\r\nRCPT TO:<c@d.example>\r\nDATA\r\nx\r\n.\r\n";
        var output = await harness.ReplayAsync("EHLO app.example\r\n" + message + message + "QUIT\r\n", Fragmentation.Whole);
        Assert.That(harness.Acceptor.Messages, Has.Count.EqualTo(2), output);
        Assert.That(harness.Acceptor.MailFromOnPoolThread, Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void ListenerOptionsAreValidated()
    {
        Assert.That(() => new SmtpListenerOptions { Tls = SmtpTlsMode.StartTls }.Validate(), Throws.ArgumentException.With.Message.Contains("certificate"));
        Assert.That(() => new SmtpListenerOptions { Auth = SmtpAuthMode.Required }.Validate(), Throws.ArgumentException.With.Message.Contains("needs tls"));
        Assert.That(() => new SmtpServerOptions { HostName = "bad host" }.Validate(), Throws.ArgumentException);
    }
}
