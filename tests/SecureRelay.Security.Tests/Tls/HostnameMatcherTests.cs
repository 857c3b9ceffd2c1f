using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

[TestFixture]
public sealed class HostnameMatcherTests
{
    [TestCase("mx.test.example", "mx.test.example", true)]
    [TestCase("MX.Test.Example.", "mx.test.example", true)]
    [TestCase("*.test.example", "mx.test.example", true)]
    [TestCase("*.test.example", "a.mx.test.example", false)]
    [TestCase("*.test.example", "test.example", false)]
    [TestCase("*.example", "test.example", false)]
    [TestCase("mx*.test.example", "mx1.test.example", false)]
    [TestCase("*.*.example", "a.b.example", false)]
    [TestCase("mx.test.example", "mx2.test.example", false)]
    [TestCase("", "mx.test.example", false)]
    public void MatchesName(string presented, string reference, bool expected) =>
        Assert.That(HostnameMatcher.MatchesName(presented, reference), Is.EqualTo(expected));

    [Test]
    public void Certificate_SanOnly_CnIgnored()
    {
        // CN=other.invalid, SAN=other.invalid: a CN fallback would not help either; the leaf's SAN is what counts.
        Assert.That(HostnameMatcher.Matches(TestCertificates.Leaf, "mx.test.example"), Is.True);
        Assert.That(HostnameMatcher.Matches(TestCertificates.WrongName, "mx.test.example"), Is.False);
        Assert.That(HostnameMatcher.Matches(TestCertificates.WrongName, "mx.test.example", "other.invalid"), Is.True);
        Assert.That(HostnameMatcher.GetDnsNames(TestCertificates.Wildcard), Is.EqualTo(new[] { "*.test.example" }));
    }
}
