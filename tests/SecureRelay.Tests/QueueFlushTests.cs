using System.Globalization;
using System.Text.Json;
using SecureRelay.Tests.Infrastructure;

namespace SecureRelay.Tests;

/// <summary>Like <c>postqueue -f</c>: a flush through the admin API delivers deferred mail at once,
/// long before its retry time, and each message exactly once.</summary>
[TestFixture]
[NonParallelizable]
public sealed class QueueFlushTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Test]
    public async Task FlushDeliversDeferredMessagesNow()
    {
        const int count = 3;
        var port = TestPorts.Free();
        var failing = await SmtpSink.StartOnPortAsync(port, "-r", "RCPT");
        // Retries far beyond the test's waits: only the flush can deliver in time.
        await using var relay = await RelayProcess.StartAsync(TestConfig.Relay([("*", port)], tls: "none", auth: "none", retryFirst: "30m", retryMax: "1h"));

        for (var i = 0; i < count; i++)
        {
            var (code, output) = await Swaks.SendAsync(relay.SmtpPort, "app@clinic.test", $"r{i}@dest.test", Wait, "--body", "flush body 3c9a");
            Assert.That(code, Is.Zero, output);
        }

        var deadline = DateTime.UtcNow + Wait;
        while (CountOccurrences(relay.Log, "status=deferred") < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.That(CountOccurrences(relay.Log, "status=deferred"), Is.EqualTo(count), relay.Log);
        failing.Dispose();
        using var good = await SmtpSink.StartOnPortAsync(port);

        using var http = new HttpClient();
        var token = File.ReadAllLines(Path.Combine(relay.Directory, "data", "admin.token"))[0];
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{relay.AdminPort.ToString(CultureInfo.InvariantCulture)}/api/queue/flush"), null);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("released").GetInt32(), Is.EqualTo(count));

        Assert.That(await good.WaitForMessagesAsync(count, TimeSpan.FromSeconds(20)), Is.EqualTo(count), relay.Log);
        await Task.Delay(2000); // a duplicate would show up by now
        Assert.That(good.CountMessages(), Is.EqualTo(count), "each message delivered once");
        Assert.That(CountOccurrences(relay.Log, "status=sent"), Is.EqualTo(count), relay.Log);
    }

    private static int CountOccurrences(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
