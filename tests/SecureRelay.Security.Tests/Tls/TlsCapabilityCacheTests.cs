using System.Security.Authentication;
using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

[TestFixture]
public sealed class TlsCapabilityCacheTests
{
    [Test]
    public async Task Entry_ExpiresAfterTtl()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var cache = new InMemoryTlsCapabilityCache(new TlsOptions { CapabilityCacheSeconds = 600 }, time);
        await cache.RecordAsync(new TlsCapability("MX.Test.Example.", true, SslProtocols.Tls13, TlsValidationMethod.Dane, time.GetUtcNow()), CancellationToken.None);

        var hit = await cache.GetAsync("mx.test.example", CancellationToken.None);
        Assert.That(hit, Is.Not.Null);
        Assert.That(hit!.Destination, Is.EqualTo("mx.test.example"));
        Assert.That(hit.LastMethod, Is.EqualTo(TlsValidationMethod.Dane));

        time.Advance(TimeSpan.FromSeconds(599));
        Assert.That(await cache.GetAsync("mx.test.example", CancellationToken.None), Is.Not.Null);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await cache.GetAsync("mx.test.example", CancellationToken.None), Is.Null);
        Assert.That(cache.Count, Is.Zero, "expired entry removed on read");
    }

    [Test]
    public async Task RecordReplaces_AndInvalidateForgets()
    {
        var cache = new InMemoryTlsCapabilityCache(new TlsOptions());
        var now = DateTimeOffset.UtcNow;
        await cache.RecordAsync(new TlsCapability("mx.test.example", true, SslProtocols.Tls12, TlsValidationMethod.Pkix, now), CancellationToken.None);
        await cache.RecordAsync(new TlsCapability("mx.test.example", false, SslProtocols.None, TlsValidationMethod.None, now), CancellationToken.None);

        var hit = await cache.GetAsync("mx.test.example", CancellationToken.None);
        Assert.That(hit!.StartTlsOffered, Is.False);

        await cache.InvalidateAsync("mx.test.example", CancellationToken.None);
        Assert.That(await cache.GetAsync("mx.test.example", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Bounded_DropsOldestWhenFull()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        var cache = new InMemoryTlsCapabilityCache(new TlsOptions { PolicyCacheMaxEntries = 3 }, time);
        for (var i = 0; i < 5; i++)
        {
            await cache.RecordAsync(new TlsCapability($"mx{i}.test.example", true, SslProtocols.Tls13, TlsValidationMethod.Pkix, time.GetUtcNow()), CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.That(cache.Count, Is.EqualTo(3));
        Assert.That(await cache.GetAsync("mx0.test.example", CancellationToken.None), Is.Null);
        Assert.That(await cache.GetAsync("mx4.test.example", CancellationToken.None), Is.Not.Null);
    }
}
