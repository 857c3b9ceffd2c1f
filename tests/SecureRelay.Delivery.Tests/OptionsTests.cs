namespace SecureRelay.Delivery.Tests;

public class OptionsTests
{
    [Test]
    public void Defaults_AreValid_AndMatchTheDocumentedValues()
    {
        var o = new DeliveryOptions { HostName = "relay.example.com" };
        Assert.That(o.Validate(), Is.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(o.Limits.MaxConnections, Is.EqualTo(20));
            Assert.That(o.Limits.MessagesPerConnection, Is.EqualTo(100));
            Assert.That(o.Limits.MessagesPerSecond, Is.Zero);
            Assert.That(o.Limits.ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(o.Limits.CommandTimeout, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(o.Retry.Base, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(o.Retry.Max, Is.EqualTo(TimeSpan.FromHours(4)));
            Assert.That(o.MaxQueueAge, Is.EqualTo(TimeSpan.FromDays(5)));
            Assert.That(o.MaxConnectionsTotal, Is.EqualTo(500));
            Assert.That(o.SmtpPort, Is.EqualTo(25));
            Assert.That(o.TlsMode, Is.EqualTo(OutboundTlsMode.Opportunistic));
        });
    }

    [Test]
    public void Problems_AreReportedByKey()
    {
        var o = new DeliveryOptions
        {
            HostName = "bad host",
            Routes = [new DeliveryRoute { Domains = ["a.test"], NextHop = "x:0" }],
            Limits = new DestinationLimits { MaxConnections = 0 },
            DomainLimits = { ["b.test"] = new DestinationLimitsOverride { MessagesPerSecond = -1 } },
            DnsServers = ["nope"],
        };
        IReadOnlyList<string> errors = o.Validate();
        Assert.That(errors, Has.Some.StartsWith("host_name"));
        Assert.That(errors, Has.Some.StartsWith("routes[0]: next hop 'x:0'"));
        Assert.That(errors, Has.Some.StartsWith("limits.max_connections"));
        Assert.That(errors, Has.Some.StartsWith("domain_limits.b.test.messages_per_second"));
        Assert.That(errors, Has.Some.StartsWith("dns_servers"));
    }

    [Test]
    public void Override_InheritsUnsetFields()
    {
        var baseLimits = new DestinationLimits { MaxConnections = 7, MessagesPerSecond = 3 };
        DestinationLimits merged = baseLimits.With(new DestinationLimitsOverride { MaxConnections = 2 });
        Assert.That((merged.MaxConnections, merged.MessagesPerSecond, merged.MessagesPerConnection), Is.EqualTo((2, 3.0, 100)));
    }
}
