using System.Net;
using SecureRelay.Delivery.Dns;
using SecureRelay.Delivery.Tests.Infrastructure;

namespace SecureRelay.Delivery.Tests;

/// <summary>The real DnsClient-based resolver against a tiny DNS responder on loopback.</summary>
public class DnsMxResolverTests
{
    private LoopbackDnsServer _dns = null!;
    private DnsMxResolver _resolver = null!;

    [SetUp]
    public void SetUp()
    {
        // Answers live 60 s, so the resolver's TTL cache has something to keep.
        _dns = new LoopbackDnsServer { TtlSeconds = 60 };
        _resolver = new DnsMxResolver(new DeliveryOptions { DnsServers = [$"127.0.0.1:{_dns.Port}"], DnsTimeout = TimeSpan.FromMilliseconds(300) });
    }

    [TearDown]
    public async Task TearDown() => await _dns.DisposeAsync();

    [Test]
    public async Task MxRecords_OrderedByPreference_WithAddresses()
    {
        _dns.AddMx("dest.test", 20, "mx2.dest.test");
        _dns.AddMx("dest.test", 10, "mx1.dest.test");
        _dns.AddAddress("mx1.dest.test", "127.0.0.5");
        _dns.AddAddress("mx2.dest.test", "127.0.0.6");
        _dns.AddAddress("mx2.dest.test", "::1");

        MxResolution r = await _resolver.ResolveAsync("dest.test", useMx: true, CancellationToken.None);

        Assert.That(r.Status, Is.EqualTo(MxStatus.Ok), r.Error);
        Assert.That(r.Hosts.Select(h => (h.Name, h.Preference)), Is.EqualTo(new[] { ("mx1.dest.test", 10), ("mx2.dest.test", 20) }));
        Assert.That(r.Hosts[1].Addresses, Is.EqualTo(new[] { IPAddress.Parse("127.0.0.6"), IPAddress.IPv6Loopback }));
    }

    [Test]
    public async Task Answers_AreCached()
    {
        _dns.AddMx("dest.test", 10, "mx1.dest.test");
        _dns.AddAddress("mx1.dest.test", "127.0.0.5");
        // Positive answers only: empty answers without an SOA are not negatively cached.
        _dns.AddAddress("mx1.dest.test", "::1");
        await _resolver.ResolveAsync("dest.test", true, CancellationToken.None);
        int after1 = _dns.Queries;
        await _resolver.ResolveAsync("dest.test", true, CancellationToken.None);
        Assert.That(_dns.Queries, Is.EqualTo(after1), "second resolution served from the TTL cache");
    }

    [Test]
    public async Task NoMx_FallsBackToDomainAddress()
    {
        _dns.AddAddress("plain.test", "127.0.0.9");
        MxResolution r = await _resolver.ResolveAsync("plain.test", true, CancellationToken.None);
        Assert.That(r.Status, Is.EqualTo(MxStatus.Ok));
        Assert.That(r.Hosts.Single().Name, Is.EqualTo("plain.test"));
        Assert.That(r.Hosts.Single().Addresses, Is.EqualTo(new[] { IPAddress.Parse("127.0.0.9") }));
    }

    [Test]
    public async Task NoMxNoAddress_IsPermanent()
    {
        MxResolution r = await _resolver.ResolveAsync("empty.test", true, CancellationToken.None);
        Assert.That(r.Status, Is.EqualTo(MxStatus.NoSuchDomain));
    }

    [Test]
    public async Task NullMx_IsPermanent()
    {
        _dns.AddMx("nomail.test", 0, ".");
        MxResolution r = await _resolver.ResolveAsync("nomail.test", true, CancellationToken.None);
        Assert.That(r.Status, Is.EqualTo(MxStatus.NullMx));
    }

    [Test]
    public async Task NxDomain_IsPermanent()
    {
        _dns.Rcodes["gone.test"] = 3;
        MxResolution r = await _resolver.ResolveAsync("gone.test", true, CancellationToken.None);
        Assert.That(r.Status, Is.EqualTo(MxStatus.NoSuchDomain));
    }

    [Test]
    public async Task ServFail_IsTemporary()
    {
        _dns.Rcodes["broken.test"] = 2;
        MxResolution r = await _resolver.ResolveAsync("broken.test", true, CancellationToken.None);
        Assert.That(r.Status, Is.EqualTo(MxStatus.TemporaryFailure));
    }

    [Test]
    public async Task Timeout_IsTemporary()
    {
        _dns.Silent["slow.test"] = true;
        MxResolution r = await _resolver.ResolveAsync("slow.test", true, CancellationToken.None);
        Assert.That(r.Status, Is.EqualTo(MxStatus.TemporaryFailure));
    }

    [Test]
    public async Task MxHostWithoutAddressTemporarily_IsTemporary()
    {
        _dns.AddMx("dest.test", 10, "mx1.dest.test");
        _dns.Rcodes["mx1.dest.test"] = 2;
        MxResolution r = await _resolver.ResolveAsync("dest.test", true, CancellationToken.None);
        Assert.That(r.Status, Is.EqualTo(MxStatus.TemporaryFailure));
    }

    [Test]
    public async Task DirectHostAndLiteral()
    {
        _dns.AddAddress("relay.test", "127.0.0.7");
        MxResolution host = await _resolver.ResolveAsync("relay.test", useMx: false, CancellationToken.None);
        MxResolution literal = await _resolver.ResolveAsync("127.0.0.8", useMx: false, CancellationToken.None);
        Assert.That(host.Hosts.Single().Addresses.Single(), Is.EqualTo(IPAddress.Parse("127.0.0.7")));
        Assert.That(literal.Hosts.Single().Addresses.Single(), Is.EqualTo(IPAddress.Parse("127.0.0.8")));
    }
}
