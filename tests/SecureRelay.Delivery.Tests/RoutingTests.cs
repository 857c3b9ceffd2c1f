using SecureRelay.Delivery.Dns;
using SecureRelay.Delivery.Routing;
using SecureRelay.Delivery.Scheduling;

namespace SecureRelay.Delivery.Tests;

public class RoutingTests
{
    [Test]
    public void FirstMatchingRouteWins_WildcardsAndDefaultMx()
    {
        var table = new RouteTable(
        [
            new DeliveryRoute { Domains = ["special.example.com"], NextHop = "[10.0.0.9]:2526" },
            new DeliveryRoute { Domains = ["*.example.com"], NextHop = "relay.internal:587" },
            new DeliveryRoute { Domains = ["example.org", "EXAMPLE.net"], NextHop = "smarthost.test" },
            new DeliveryRoute { Domains = ["*"], NextHop = "[::1]:25" },
        ], 25);

        Assert.Multiple(() =>
        {
            Assert.That(table.Resolve("special.example.com"), Is.EqualTo(new NextHop("10.0.0.9", 2526, false)));
            Assert.That(table.Resolve("a.b.Example.com."), Is.EqualTo(new NextHop("relay.internal", 587, false)));
            Assert.That(table.Resolve("example.net"), Is.EqualTo(new NextHop("smarthost.test", 25, true)));
            // "*.example.com" does not match the parent domain, so the catch-all does.
            Assert.That(table.Resolve("example.com"), Is.EqualTo(new NextHop("::1", 25, false)));
        });
    }

    [Test]
    public void NoMatch_MeansMxLookupOfRecipientDomain()
    {
        var table = new RouteTable([new DeliveryRoute { Domains = ["a.test"], NextHop = "127.0.0.1:2526" }], 25);
        NextHop hop = table.Resolve("Other.Test");
        Assert.That(hop, Is.EqualTo(new NextHop("other.test", 25, true)));
        Assert.That(hop.Key, Is.EqualTo("other.test"));
        Assert.That(table.Resolve("a.test").Key, Is.EqualTo("127.0.0.1:2526"));
    }

    [TestCase("")]
    [TestCase("host:0")]
    [TestCase("host:99999")]
    [TestCase("[notanip]:25")]
    [TestCase("::1:25")]
    [TestCase("bad host")]
    public void InvalidNextHop_IsRejected(string text) =>
        Assert.Throws<FormatException>(() => NextHop.Parse(text, 25));

    [TestCase("exa*mple.com")]
    [TestCase("**")]
    public void InvalidPattern_IsRejected(string pattern) =>
        Assert.Throws<FormatException>(() => _ = new RouteTable([new DeliveryRoute { Domains = [pattern], NextHop = "h:25" }], 25));

    [Test]
    public void RetrySchedule_DoublesFromFiveMinutesCappedAtFourHours()
    {
        var retry = new RetryOptions();
        TimeSpan[] expected = [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40),
            TimeSpan.FromMinutes(80), TimeSpan.FromMinutes(160), TimeSpan.FromHours(4), TimeSpan.FromHours(4)];
        Assert.That(Enumerable.Range(1, 8).Select(retry.DelayAfter), Is.EqualTo(expected));
        Assert.That(retry.DelayAfter(10_000), Is.EqualTo(TimeSpan.FromHours(4)));
    }

    [Test]
    public void RetrySchedule_ExplicitListRepeatsLast()
    {
        var retry = new RetryOptions { Intervals = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(7)] };
        Assert.That(new[] { 1, 2, 3, 9 }.Select(retry.DelayAfter), Is.EqualTo(new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(7), TimeSpan.FromMinutes(7) }));
    }

    [Test]
    public void MxOrder_ByPreference_RandomAmongEquals()
    {
        (int, string)[] records = [(20, "c.mx"), (10, "a.mx"), (10, "b.mx"), (30, "d.mx"), (10, "A.MX")];
        var firstSeen = new HashSet<string>();
        for (int seed = 0; seed < 50; seed++)
        {
            var ordered = DnsMxResolver.OrderByPreference(records, new Random(seed));
            Assert.That(ordered.Select(o => o.Preference), Is.Ordered);
            Assert.That(ordered, Has.Count.EqualTo(4), "duplicates (case-insensitive) removed");
            Assert.That(ordered.Skip(2).Select(o => o.Host), Is.EqualTo(new[] { "c.mx", "d.mx" }));
            firstSeen.Add(ordered[0].Host.ToLowerInvariant());
        }

        Assert.That(firstSeen, Is.EquivalentTo(new[] { "a.mx", "b.mx" }), "both equal-preference hosts come first sometimes");
    }

    [TestCase(250, "2.0.0 Ok: queued as ABC", "2.0.0")]
    [TestCase(550, "5.1.1 <x@y>: Recipient address rejected", "5.1.1")]
    [TestCase(450, "4.7.1 try later", "4.7.1")]
    [TestCase(550, "4.7.1 mismatched class", "5.0.0")]
    [TestCase(421, "Service not available", "4.0.0")]
    public void EnhancedStatus_FromReply(int code, string text, string expected) =>
        Assert.That(StatusText.Enhanced(code, text), Is.EqualTo(expected));
}
