using SecureRelay.Security.Tls;

namespace SecureRelay.Security.Tests.Tls;

[TestFixture]
public sealed class MtaStsPolicyParserTests
{
    [TestCase("v=STSv1; id=20160831085700Z;", "20160831085700Z")]
    [TestCase("v=STSv1;id=abc", "abc")]
    [TestCase("v=STSv1; id=abc; ext=1", "abc")]
    public void Txt_Valid(string text, string id)
    {
        Assert.That(MtaStsPolicyParser.TryParseTxt(text, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(id));
    }

    [TestCase("v=STSv2; id=abc;")]
    [TestCase("id=abc; v=STSv1;")]
    [TestCase("v=STSv1;")]
    [TestCase("v=STSv1; id=;")]
    [TestCase("v=STSv1; id=abc-def;")]
    [TestCase("v=STSv1; id=123456789012345678901234567890123;")]
    [TestCase("v=STSv1; id=a; id=b;")]
    [TestCase("v=STSv1;; id=a;")]
    public void Txt_Invalid(string text) => Assert.That(MtaStsPolicyParser.TryParseTxt(text, out _), Is.False);

    [Test]
    public void Policy_Valid_CrlfAndLf()
    {
        const string body = "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\nmx: *.Example.NET\r\nmax_age: 604800\r\nfuture: thing\r\n";
        Assert.That(MtaStsPolicyParser.TryParsePolicy(body, "id1", out var policy, out var error), Is.True, error);
        Assert.That(policy!.Mode, Is.EqualTo(MtaStsMode.Enforce));
        Assert.That(policy.MaxAgeSeconds, Is.EqualTo(604800));
        Assert.That(policy.MxPatterns, Is.EqualTo(new[] { "mail.example.com", "*.example.net" }));
        Assert.That(policy.Id, Is.EqualTo("id1"));
        Assert.That(policy.MatchesMx("MAIL.example.com."), Is.True);
        Assert.That(policy.MatchesMx("mx1.example.net"), Is.True);
        Assert.That(policy.MatchesMx("a.mx1.example.net"), Is.False);
        Assert.That(policy.MatchesMx("example.net"), Is.False);
        Assert.That(policy.MatchesMx("evil-mail.example.com"), Is.False);
    }

    [Test]
    public void Policy_NoneMode_NeedsNoMx()
    {
        Assert.That(MtaStsPolicyParser.TryParsePolicy("version: STSv1\nmode: none\nmax_age: 0\n", "x", out var policy, out _), Is.True);
        Assert.That(policy!.Mode, Is.EqualTo(MtaStsMode.None));
    }

    [TestCase("mode: enforce\nmx: a.example\nmax_age: 1\n", "required")]
    [TestCase("version: STSv2\nmode: enforce\nmx: a.example\nmax_age: 1\n", "version")]
    [TestCase("version: STSv1\nversion: STSv1\nmode: enforce\nmx: a.example\nmax_age: 1\n", "version")]
    [TestCase("version: STSv1\nmode: strict\nmx: a.example\nmax_age: 1\n", "mode must be")]
    [TestCase("version: STSv1\nmode: enforce\nmode: testing\nmx: a.example\nmax_age: 1\n", "duplicate mode")]
    [TestCase("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: -1\n", "max_age")]
    [TestCase("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 31557601\n", "max_age")]
    [TestCase("version: STSv1\nmode: enforce\nmax_age: 10\n", "at least one mx")]
    [TestCase("version: STSv1\nmode: enforce\nmx: *.*.example\nmax_age: 10\n", "mx pattern")]
    [TestCase("version: STSv1\nmode: enforce\nmx: mx*.example.com\nmax_age: 10\n", "mx pattern")]
    [TestCase("version: STSv1\nmode: enforce\nmx: com\nmax_age: 10\n", "mx pattern")]
    [TestCase("version: STSv1\nmode enforce\nmx: a.example\nmax_age: 10\n", "key: value")]
    public void Policy_Invalid(string body, string reason)
    {
        Assert.That(MtaStsPolicyParser.TryParsePolicy(body, "x", out _, out var error), Is.False);
        Assert.That(error, Does.Contain(reason));
    }
}
