using SecureRelay.Policy.Yaml;

namespace SecureRelay.Policy.Tests.Yaml;

public class PolicyCompilerTests
{
    private static ConfigurationException Fails(string yaml) =>
        Assert.Throws<ConfigurationException>(() => PolicyCompiler.Parse(yaml, "policy.yaml"))!;

    [Test]
    public void EmptyDocument_IsTheBuiltInDefault()
    {
        var policy = PolicyCompiler.Parse("version: 1\n", "policy.yaml");
        Assert.Multiple(() =>
        {
            Assert.That(policy.PhiMethods, Is.EqualTo(new[] { DeliveryMethod.Smime, DeliveryMethod.Pgp, DeliveryMethod.TlsVerified, DeliveryMethod.Escrow }));
            Assert.That(policy.OtherMethods, Is.EqualTo(new[] { DeliveryMethod.Opportunistic }));
            Assert.That(policy.Rules, Is.Empty);
            Assert.That(policy.Classifier.Settings.Threshold, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void UnknownKey_ReportsFileLineColumn()
    {
        var e = Fails("version: 1\nrules:\n  - name: a\n    methodz: [tls]\n");
        Assert.Multiple(() =>
        {
            Assert.That(e.File, Is.EqualTo("policy.yaml"));
            Assert.That(e.Line, Is.EqualTo(4));
            Assert.That(e.Column, Is.EqualTo(5));
            Assert.That(e.Message, Does.StartWith("policy.yaml:4:5: "));
            Assert.That(e.Reason, Does.Contain("methodz"));
        });
    }

    [Test]
    public void DuplicateKey_ReportsFileLineColumn()
    {
        var e = Fails("version: 1\ndefaults:\n  phi_methods: [smime]\n  phi_methods: [pgp]\n");
        Assert.That((e.Line, e.Column), Is.EqualTo((4, 3)));
        Assert.That(e.Reason, Does.Contain("phi_methods").IgnoreCase.Or.Contain("duplicate").IgnoreCase);
    }

    [Test]
    public void UnknownMethod_PointsAtTheListItem()
    {
        var e = Fails("version: 1\nrules:\n  - name: a\n    methods: [smime, carrier-pigeon]\n");
        Assert.That(e.Message, Does.StartWith("policy.yaml:4:22: unknown delivery method 'carrier-pigeon'"));
    }

    [Test]
    public void BadRegex_PointsAtTheValue()
    {
        var e = Fails("version: 1\nrules:\n  - name: a\n    match:\n      subject: \"(unclosed\"\n    methods: [tls]\n");
        Assert.That((e.Line, e.Column), Is.EqualTo((5, 16)));
        Assert.That(e.Reason, Does.StartWith("bad regular expression"));
    }

    [Test]
    public void BadHeaderRegexAndClassifierPattern_AreErrors()
    {
        Assert.That(Fails("rules:\n  - name: a\n    match:\n      headers: { X-App: \"[\" }\n").Message, Does.StartWith("policy.yaml:4:25: bad regular expression"));
        Assert.That(Fails("classifier:\n  mrn_patterns: ['ok', '(?<']\n").Message, Does.StartWith("policy.yaml:2:24: bad regular expression"));
    }

    [Test]
    public void OpportunisticForPhi_IsRefused()
    {
        Assert.That(Fails("defaults:\n  phi_methods: [tls, opportunistic]\n").Message, Does.StartWith("policy.yaml:2:22: 'opportunistic'"));
        Assert.That(Fails("rules:\n  - name: a\n    match: { phi: true }\n    methods: [opportunistic]\n").Line, Is.EqualTo(4));
    }

    [TestCase("rules:\n  - name: a\n    action: bounce\n", 3, 13, "action must be")]
    [TestCase("rules:\n  - name: a\n    match: { recipient_group: [nobody] }\n", 3, 32, "unknown recipient group 'nobody'")]
    [TestCase("rules:\n  - name: a\n  - name: a\n", 3, 11, "used twice")]
    [TestCase("rules:\n  - name: a\n    action: reject\n    reject: { code: 250 }\n", 4, 21, "reply code must be 4xx or 5xx")]
    [TestCase("rules:\n  - name: a\n    action: reject\n    reject: { code: 550, enhanced: 4.7.1 }\n", 4, 36, "enhanced code")]
    [TestCase("rules:\n  - name: a\n    reject: { code: 550 }\n", 3, 13, "only valid with action: reject")]
    [TestCase("rules:\n  - name: a\n    match: { category: [spam] }\n", 3, 25, "unknown category 'spam'")]
    [TestCase("rules:\n  - name: a\n    match: { sender: [not-an-address] }\n", 3, 23, "not an address")]
    [TestCase("domains:\n  - domain: a.example\n    require_tls: sometimes\n", 3, 18, "require_tls must be")]
    [TestCase("domains:\n  - domain: a.example\n  - domain: A.example\n", 3, 13, "listed twice")]
    [TestCase("domains:\n  - domain: a.example\n    max_connections: 5\n", 3, 22, "moved to securerelay.yaml: delivery.domains.a.example.max_connections")]
    [TestCase("domains:\n  - domain: a.example\n    max_messages_per_minute: 60\n", 3, 30, "delivery.domains.a.example.rate_per_second")]
    [TestCase("domains:\n  - domain: a.example\n    max_recipients_per_message: 9\n", 3, 33, "not supported")]
    [TestCase("classifier:\n  detectors:\n    horoscope: { weight: 1 }\n", 3, 16, "unknown detector 'horoscope'")]
    [TestCase("classifier:\n  threshold: 0\n", 2, 14, "threshold")]
    [TestCase("classifier:\n  limits: { timeout_ms: 0 }\n", 2, 25, "greater than 0")]
    [TestCase("senders:\n  - name: x\n    classification: phi\n", 2, 5, "needs sender")]
    [TestCase("senders:\n  - auth_user: [app]\n    classification: maybe\n", 3, 21, "'phi' or 'none'")]
    [TestCase("version: 2\n", 1, 10, "unsupported version")]
    [TestCase("rules:\n  - name: a\n    match: { min_size: big }\n", 3, 24, "")]
    public void SemanticErrors_HaveLocations(string yaml, int line, int column, string reason)
    {
        var e = Fails(yaml);
        Assert.That((e.Line, e.Column), Is.EqualTo((line, column)), e.Message);
        Assert.That(e.Reason, Does.Contain(reason));
    }

    [Test]
    public void SampleConfiguration_Compiles()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "config", "policy.yaml");
        var policy = PolicyCompiler.Load(path);
        Assert.Multiple(() =>
        {
            Assert.That(policy.Rules.Select(r => r.Name), Does.Contain("phi-to-partners"));
            Assert.That(policy.FindDomain("partner.example")?.RequireTls, Is.EqualTo(TlsRequirement.Verified));
            Assert.That(policy.FindDomain("tax.gov.example")?.Methods, Is.EqualTo(new[] { DeliveryMethod.Smime, DeliveryMethod.TlsVerified, DeliveryMethod.Escrow }));
            Assert.That(policy.Classifier.Settings.SenderRules, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void MissingFile_IsAConfigurationError()
    {
        var e = Assert.Throws<ConfigurationException>(() => PolicyCompiler.Load("/nonexistent/policy.yaml"));
        Assert.That(e!.Message, Does.StartWith("/nonexistent/policy.yaml:1:1:"));
    }
}
