namespace SecureRelay.Delivery.Tests;

public class OptionsTests
{
    [Test]
    public void Defaults_AreValid_AndMatchTheDocumentedValues()
    {
        var o = new DeliveryOptions { HostName = "relay.example.com" };
        Assert.That(o.Validate(), Is.Empty);
        var limits = o.LimitsFor("example.org");
        var retry = o.RetrySchedule();
        Assert.Multiple(() =>
        {
            Assert.That(limits.MaxConnections, Is.EqualTo(20));
            Assert.That(limits.MessagesPerConnection, Is.EqualTo(100));
            Assert.That(limits.MessagesPerSecond, Is.Zero);
            Assert.That(limits.ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(limits.CommandTimeout, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(retry.Base, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(retry.Max, Is.EqualTo(TimeSpan.FromHours(4)));
            Assert.That(o.MaxQueueAge, Is.EqualTo(TimeSpan.FromDays(5)));
            Assert.That(o.MaxConnectionsTotal, Is.EqualTo(500));
            Assert.That(o.SmtpPort, Is.EqualTo(25));
        });
    }

    [Test]
    public void Problems_AreReportedByKey()
    {
        // Keys are those of the delivery: section of securerelay.yaml, relative to it.
        var o = new DeliveryOptions
        {
            MaxConnections = 0,
            DomainLimits = { ["b.test"] = new DestinationLimitsOverride { MessagesPerSecond = -1 } },
            DnsServers = ["192.0.2.1", "nope"],
            RetryBase = TimeSpan.FromHours(5),
        };
        var keys = o.Validate().Select(e => e.Key).ToList();
        Assert.That(keys, Is.EquivalentTo(new[] { "max_connections", "domains.b.test.rate_per_second", "dns_servers[1]", "retry_max" }));
    }

    [Test]
    public void Override_InheritsUnsetFields()
    {
        var options = new DeliveryOptions { MaxConnections = 7, DomainLimits = { ["A.test"] = new DestinationLimitsOverride { MessagesPerSecond = 2 } } };
        Assert.That((options.LimitsFor("a.test").MaxConnections, options.LimitsFor("a.test").MessagesPerSecond), Is.EqualTo((7, 2.0)));
        Assert.That(options.LimitsFor("b.test").MessagesPerSecond, Is.Zero);

        var baseLimits = new DestinationLimits { MaxConnections = 7, MessagesPerSecond = 3 };
        DestinationLimits merged = baseLimits.With(new DestinationLimitsOverride { MaxConnections = 2 });
        Assert.That((merged.MaxConnections, merged.MessagesPerSecond, merged.MessagesPerConnection), Is.EqualTo((2, 3.0, 100)));
    }
}
