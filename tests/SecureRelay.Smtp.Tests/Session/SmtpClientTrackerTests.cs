using System.Net;

namespace SecureRelay.Smtp.Tests.Session;

[TestFixture]
public sealed class SmtpClientTrackerTests
{
    private sealed class ManualTime : TimeProvider
    {
        public long Now { get; set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now;
    }

    [Test]
    public void AuthFailuresExpireAfterTheWindow()
    {
        var time = new ManualTime();
        var tracker = new SmtpClientTracker(time);
        var address = IPAddress.Parse("192.0.2.1");
        var window = TimeSpan.FromMinutes(10);
        for (var i = 0; i < 5; i++)
        {
            Assert.That(tracker.IsAuthLockedOut(address, 5, window), Is.False);
            tracker.RecordAuthFailure(address, window);
            time.Now += TimeSpan.FromMinutes(1).Ticks;
        }

        Assert.That(tracker.IsAuthLockedOut(address, 5, window), Is.True);
        Assert.That(tracker.IsAuthLockedOut(IPAddress.Parse("192.0.2.2"), 5, window), Is.False);
        time.Now += TimeSpan.FromMinutes(6).Ticks; // the first failure is now 11 minutes old
        Assert.That(tracker.IsAuthLockedOut(address, 5, window), Is.False);
    }

    [Test]
    public void ConnectionCountsAreExactAndMappedAddressesShareACount()
    {
        var tracker = new SmtpClientTracker();
        var v4 = IPAddress.Parse("192.0.2.1");
        var mapped = IPAddress.Parse("::ffff:192.0.2.1");
        Assert.That(tracker.TryOpenConnection(v4, 2), Is.True);
        Assert.That(tracker.TryOpenConnection(mapped, 2), Is.True);
        Assert.That(tracker.TryOpenConnection(v4, 2), Is.False);
        tracker.CloseConnection(mapped);
        Assert.That(tracker.ConnectionCount(v4), Is.EqualTo(1));
        Assert.That(tracker.TryOpenConnection(v4, 2), Is.True);
        tracker.CloseConnection(v4);
        tracker.CloseConnection(v4);
        Assert.That(tracker.ConnectionCount(v4), Is.Zero);
    }

    [Test]
    public async Task ConcurrentOpensNeverExceedTheLimit()
    {
        var tracker = new SmtpClientTracker();
        var address = IPAddress.Parse("192.0.2.9");
        var granted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (tracker.TryOpenConnection(address, 10))
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })));
        Assert.That(granted, Is.EqualTo(10));
        Assert.That(tracker.ConnectionCount(address), Is.EqualTo(10));
    }
}
