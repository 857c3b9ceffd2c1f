using SecureRelay.Smtp.Tests.Infrastructure;

namespace SecureRelay.Smtp.Tests.Integration;

/// <summary>Postfix's smtp-source (pipelining, concurrent sessions, several recipients) against Kestrel.</summary>
[TestFixture]
public sealed class SmtpSourceTests
{
    private static string _smtpSource = null!;

    [SetUp]
    public void RequireSmtpSource() => _smtpSource = Tools.Require("smtp-source");

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        Tools.RunAsync(_smtpSource, args, TimeSpan.FromSeconds(60));

    [Test]
    public async Task ConcurrentPipelinedSessionsDeliverEveryMessage()
    {
        var harness = new SmtpHarness(listener: l => l.RelayNetworks = [System.Net.IPNetwork.Parse("127.0.0.0/8")]);
        await using var server = await KestrelSmtpServer.StartAsync(harness);
        var (exit, output) = await RunAsync("-s", "8", "-m", "200", "-l", "4096", "-r", "3", "-M", "source.example",
            "-f", "app@clinic.example", "-t", "patient@dest.example", $"127.0.0.1:{server.Port}");
        Assert.That(exit, Is.Zero, output);
        var messages = harness.Acceptor.Messages.ToArray();
        Assert.That(messages, Has.Length.EqualTo(200));
        Assert.That(messages.All(m => m.Transaction.Recipients.Count == 3), Is.True);
        Assert.That(messages.All(m => m.BodyText.Contains("\r\n\r\n", StringComparison.Ordinal) && !m.BodyText.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n')), Is.True);
        Assert.That(messages.Select(m => m.Session.SessionId).Distinct().Count(), Is.GreaterThan(1), "several sessions ran");
        Assert.That(harness.Logs.Errors, Is.Empty);
        Assert.That(harness.Events.AcceptLatencies, Has.Count.EqualTo(200));
    }
}
