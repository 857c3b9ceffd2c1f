using System.Net;

namespace SecureRelay.Smtp.Tests.Session;

[TestFixture]
public sealed class SmtpClientTrackerTests
{
    [Test]
    public void AuthFailuresExpireAfterTheWindow()
    {
        var time = new ManualTimeProvider();
        var tracker = new SmtpClientTracker(time);
        var address = IPAddress.Parse("192.0.2.1");
        var window = TimeSpan.FromMinutes(10);
        for (var i = 0; i < 5; i++)
        {
            Assert.That(tracker.IsAuthLockedOut(address, 5, window), Is.False);
            tracker.RecordAuthFailure(address, window);
            time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.That(tracker.IsAuthLockedOut(address, 5, window), Is.True);
        Assert.That(tracker.IsAuthLockedOut(IPAddress.Parse("192.0.2.2"), 5, window), Is.False);
        time.Advance(TimeSpan.FromMinutes(6)); // the first failure is now 11 minutes old
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

    [Test]
    public async Task ParallelAuthAttemptsNeverExceedTheLimitAndSuccessGivesTheSlotBack()
    {
        var tracker = new SmtpClientTracker();
        var address = IPAddress.Parse("192.0.2.7");
        var window = TimeSpan.FromMinutes(10);
        var granted = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 100; i++)
            {
                if (tracker.TryBeginAuthAttempt(address, 5, window))
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })));
        Assert.That(granted, Is.EqualTo(5));
        Assert.That(tracker.IsAuthLockedOut(address, 5, window), Is.True, "attempts in progress count");

        tracker.EndAuthAttempt(address, failed: false, window);
        Assert.That(tracker.TryBeginAuthAttempt(address, 5, window), Is.True, "a success gives its slot back");
        for (var i = 0; i < 5; i++)
        {
            tracker.EndAuthAttempt(address, failed: true, window);
        }

        Assert.That(tracker.TryBeginAuthAttempt(address, 5, window), Is.False, "five failures lock the address out");
        Assert.That(tracker.TryBeginUserAuthAttempt("App@Clinic.example", 1, window), Is.True);
        Assert.That(tracker.TryBeginUserAuthAttempt("app@clinic.EXAMPLE", 1, window), Is.False, "user names compare ignoring case");
        tracker.EndUserAuthAttempt("app@clinic.example", failed: false, window);
        Assert.That(tracker.TryBeginUserAuthAttempt("app@clinic.example", 1, window), Is.True);
    }

    [Test]
    public void ServerWideCountAndStress()
    {
        var tracker = new SmtpClientTracker();
        var limits = new SmtpLimits { MaxConnections = 5 };
        var stress = tracker.StressToken;
        for (var i = 0; i < 4; i++)
        {
            Assert.That(tracker.TryOpenServerConnection(limits), Is.True);
        }

        Assert.That(tracker.IsUnderStress(limits), Is.False);
        Assert.That(stress.IsCancellationRequested, Is.False);
        Assert.That(tracker.TryOpenServerConnection(limits), Is.True);
        Assert.That(tracker.IsUnderStress(limits), Is.True);
        Assert.That(stress.IsCancellationRequested, Is.True, "waiting sessions are told");
        Assert.That(tracker.TryOpenServerConnection(limits), Is.False);
        Assert.That(tracker.OpenConnections, Is.EqualTo(5));

        tracker.CloseServerConnection(limits);
        Assert.That(tracker.IsUnderStress(limits), Is.False);
        Assert.That(tracker.StressToken.IsCancellationRequested, Is.False, "a fresh token once stress is over");
    }
}
