using System.Net;
using SecureRelay.Delivery.Dns;
using SecureRelay.Spool;

namespace SecureRelay.Delivery.Tests.Infrastructure;

/// <summary>Common set-up: options routing everything to a loopback port, and polling helpers.</summary>
public static class Harness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static DeliveryOptions RouteAllTo(int port) => new()
    {
        HostName = "relay.test",
        Routes = [new DeliveryRoute { Domains = ["*"], NextHop = $"127.0.0.1:{port}" }],
        IdleConnectionTimeout = TimeSpan.FromSeconds(2),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Starts <paramref name="scheduler"/> and returns it, for <c>await using var s = await new DeliveryScheduler(…).StartedAsync();</c>.</summary>
    public static async Task<DeliveryScheduler> StartedAsync(this DeliveryScheduler scheduler)
    {
        await scheduler.StartAsync(CancellationToken.None);
        return scheduler;
    }

    /// <summary>Queues a message in <paramref name="spool"/> and hands it to <paramref name="scheduler"/>,
    /// as the SMTP side does after its 250 (content: <see cref="TestMessages.Content"/> by default).</summary>
    public static QueuedMessage Submit(this DeliveryScheduler scheduler, InMemorySpool spool, SpoolEnvelope envelope, string? content = null)
    {
        QueuedMessage queued = spool.Add(envelope, content ?? TestMessages.Content());
        scheduler.Enqueue(queued);
        return queued;
    }

    /// <summary>Submits <paramref name="count"/> messages from app@sender.test, one each to r0, r1, … at
    /// <paramref name="domain"/>.</summary>
    public static void SubmitMany(this DeliveryScheduler scheduler, InMemorySpool spool, int count, string domain = "dest.test")
    {
        for (int i = 0; i < count; i++)
        {
            scheduler.Submit(spool, TestMessages.Envelope(DateTimeOffset.UtcNow, "app@sender.test", $"r{i}@{domain}"));
        }
    }

    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>A resolver answering from a fixed table (the MX logic under test is in the agent).</summary>
    public sealed class FakeResolver : IMxResolver
    {
        public Dictionary<string, MxResolution> Answers { get; } = new(StringComparer.OrdinalIgnoreCase);

        public ValueTask<MxResolution> ResolveAsync(string name, bool useMx, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Answers.TryGetValue(name, out MxResolution? r)
                ? r
                : MxResolution.Failed(MxStatus.NoSuchDomain, $"{name}: NXDOMAIN"));

        public static MxResolution Hosts(params (string Name, int Pref, string Ip)[] hosts) =>
            new(MxStatus.Ok, hosts.Select(h => new MxHost(h.Name, h.Pref, [IPAddress.Parse(h.Ip)])).ToList(), null);
    }
}
