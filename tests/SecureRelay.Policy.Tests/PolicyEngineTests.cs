using SecureRelay.Policy.Phi;
using static SecureRelay.Policy.Tests.PolicyTestData;

namespace SecureRelay.Policy.Tests;

public class PolicyEngineTests
{
    private sealed class FakeConsent(params string[] authorized) : IConsentLookup
    {
        public bool HasAuthorization(string recipient, string scope, DateTimeOffset at) => scope == "marketing" && authorized.Contains(recipient);
    }

    private sealed class FakeSuppression(params string[] suppressed) : ISuppressionLookup
    {
        public bool IsSuppressed(string recipient) => suppressed.Contains(recipient);
    }

    private static MessageFacts Facts(Classification c, long size = 1000, string sender = "app@clinic.example", string? user = null, bool requireTls = false, params (string, string)[] headers) =>
        new(new MessageEnvelope(sender, user, size), c, [.. headers.Select(h => new KeyValuePair<string, string>(h.Item1, h.Item2))], requireTls);

    private static Classification Marketing(bool phi) => (phi ? PhiMessage : NotPhi) with { Category = MessageCategory.Marketing };

    [Test]
    public void Defaults_PhiAndNonPhi()
    {
        var engine = new PolicyEngine(CompiledPolicy.Default);
        var phi = engine.Evaluate(Facts(PhiMessage), ["a@x.example"]);
        var other = engine.Evaluate(Facts(NotPhi), ["a@x.example"]);
        Assert.Multiple(() =>
        {
            Assert.That(phi.Recipients[0].Methods, Is.EqualTo(new[] { DeliveryMethod.Smime, DeliveryMethod.Pgp, DeliveryMethod.TlsVerified, DeliveryMethod.Escrow }));
            Assert.That(phi.Recipients[0].RuleName, Is.EqualTo("(default)"));
            Assert.That(other.Recipients[0].Methods, Is.EqualTo(new[] { DeliveryMethod.Opportunistic }));
            Assert.That(phi.Rejection, Is.Null);
            Assert.That(phi.Hold, Is.False);
        });
    }

    [Test]
    public void RulesMatchInOrder_PerRecipient()
    {
        var policy = PolicyCompiler.Parse("""
            groups:
              vips: [ceo@corp.example]
            rules:
              - name: vip
                match: { recipient_group: [vips] }
                methods: [smime, escrow]
                sign_smime: true
              - name: partner
                match: { recipient_domain: ["*.partner.example"], phi: true }
                methods: [tls-verified, escrow]
                require_tls: true
              - name: catch-all-app
                match: { auth_user: [app1], subject: "(?i)invoice", headers: { X-App: "^billing$" } }
                methods: [tls]
            """, "p.yaml");
        var engine = new PolicyEngine(policy);
        var d = engine.Evaluate(Facts(PhiMessage), ["ceo@corp.example", "a@eu.partner.example", "b@partner.example"]);
        Assert.Multiple(() =>
        {
            Assert.That(d.Recipients.Select(r => r.RuleName), Is.EqualTo(new[] { "vip", "partner", "(default)" }));
            Assert.That(d.Recipients[0].SignSmime, Is.True);
            Assert.That(d.Recipients[1].Methods, Is.EqualTo(new[] { DeliveryMethod.TlsVerified, DeliveryMethod.Escrow }));
            Assert.That(d.Recipients[1].RequireTls, Is.True);
            Assert.That(d.SignSmime && d.RequireTls, Is.True);
        });

        var facts = new MessageFacts(new MessageEnvelope("s@a.example", "app1", 10), NotPhi,
            [new("Subject", "Your INVOICE"), new("X-App", "billing")]);
        Assert.That(engine.Evaluate(facts, ["z@z.example"]).Recipients[0].RuleName, Is.EqualTo("catch-all-app"));
        var wrongHeader = new MessageFacts(new MessageEnvelope("s@a.example", "app1", 10), NotPhi, [new("Subject", "Your INVOICE"), new("X-App", "crm")]);
        Assert.That(engine.Evaluate(wrongHeader, ["z@z.example"]).Recipients[0].RuleName, Is.EqualTo("(default)"));
    }

    [Test]
    public void ScoreCategoryAndSizeConditions()
    {
        var policy = PolicyCompiler.Parse("""
            rules:
              - name: borderline
                match: { min_score: 0.5, max_score: 1.0 }
                methods: [tls]
              - name: big
                match: { min_size: 5000000 }
                methods: [escrow]
              - name: pay
                match: { category: [payment] }
                methods: [tls-verified]
            """, "p.yaml");
        var engine = new PolicyEngine(policy);
        var borderline = new Classification(PhiVerdict.Clean, 0.8, 1.0, [new("medication", EvidenceSide.What, 0.5, 3), new("diagnosis", EvidenceSide.What, 0.5, 9)], MessageCategory.Unspecified, ClassificationSource.Content);
        Assert.That(engine.Evaluate(Facts(borderline), ["a@b.example"]).Recipients[0].RuleName, Is.EqualTo("borderline"));
        Assert.That(engine.Evaluate(Facts(NotPhi, size: 6_000_000), ["a@b.example"]).Recipients[0].RuleName, Is.EqualTo("big"));
        var pay = NotPhi with { Category = MessageCategory.Payment };
        Assert.That(engine.Evaluate(Facts(pay), ["a@b.example"]).Recipients[0].RuleName, Is.EqualTo("pay"));
    }

    [Test]
    public void Phi_NeverOpportunistic_DomainTlsRequirementUpgrades()
    {
        var policy = PolicyCompiler.Parse("""
            domains:
              - domain: loose.example
                methods: [opportunistic]
              - domain: strict.example
                require_tls: verified
              - domain: tls.example
                require_tls: true
            """, "p.yaml");
        var engine = new PolicyEngine(policy);
        var phi = engine.Evaluate(Facts(PhiMessage), ["a@loose.example"]);
        Assert.That(phi.Recipients[0].Methods, Is.EqualTo(policy.PhiMethods));
        Assert.That(phi.Explanation, Has.Some.Contains("opportunistic removed"));

        var d = engine.Evaluate(Facts(NotPhi), ["a@strict.example", "b@tls.example"]);
        Assert.Multiple(() =>
        {
            Assert.That(d.Recipients[0].Methods, Is.EqualTo(new[] { DeliveryMethod.TlsVerified }));
            Assert.That(d.Recipients[1].Methods, Is.EqualTo(new[] { DeliveryMethod.Tls }));
            Assert.That(d.Recipients[0].Domain?.Domain, Is.EqualTo("strict.example"));
        });
    }

    [Test]
    public void DomainSizeLimit_Rejects552()
    {
        var engine = new PolicyEngine(PolicyCompiler.Parse("domains:\n  - domain: small.example\n    max_message_size: 1000\n", "p.yaml"));
        var d = engine.Evaluate(Facts(NotPhi, size: 5000), ["a@other.example", "b@small.example"]);
        Assert.That(d.Rejection?.ToString(), Is.EqualTo("552 5.3.4 Message too big for recipient domain"));
        Assert.That(d.Recipients[0].Rejection, Is.Null);
    }

    [Test]
    public void RejectAndHoldRules()
    {
        var policy = PolicyCompiler.Parse("""
            rules:
              - name: no-test
                match: { sender_domain: [test.invalid] }
                action: reject
                reject: { code: 554, enhanced: 5.7.1, text: "Sender not allowed" }
              - name: quarantine
                match: { headers: { X-Spam-Flag: "YES" } }
                action: hold
            """, "p.yaml");
        var engine = new PolicyEngine(policy);
        var rejected = engine.Evaluate(Facts(NotPhi, sender: "x@test.invalid"), ["a@b.example"]);
        Assert.That(rejected.Rejection, Is.EqualTo(new PolicyRejection(554, "5.7.1", "Sender not allowed")));
        var held = engine.Evaluate(Facts(NotPhi, 100, "x@ok.example", null, false, ("X-Spam-Flag", "YES")), ["a@b.example"]);
        Assert.That((held.Hold, held.Rejection, held.Recipients[0].Methods.Count > 0), Is.EqualTo((true, (PolicyRejection?)null, true)));
    }

    [Test]
    public void MarketingWithPhi_RequiresAuthorization_SuppressionApplies()
    {
        var engine = new PolicyEngine(CompiledPolicy.Default, new FakeConsent("ok@a.example", "gone@a.example"), new FakeSuppression("gone@a.example"));
        var d = engine.Evaluate(Facts(Marketing(phi: true)), ["ok@a.example"]);
        Assert.That(d.Rejection, Is.Null);
        Assert.That(d.Recipients[0].Methods, Is.EqualTo(CompiledPolicy.Default.PhiMethods));

        var refused = engine.Evaluate(Facts(Marketing(phi: true)), ["ok@a.example", "nobody@a.example"]);
        Assert.That(refused.Rejection?.ToString(), Is.EqualTo("550 5.7.1 Marketing message contains PHI and the recipient has no recorded authorization"));
        Assert.That(refused.Recipients[0].Rejection, Is.Null);

        var suppressed = engine.Evaluate(Facts(Marketing(phi: false)), ["gone@a.example"]);
        Assert.That(suppressed.Rejection?.ToString(), Is.EqualTo("550 5.7.1 Recipient has opted out of marketing messages"));

        // Marketing without PHI needs no authorization; non-marketing ignores the suppression list.
        Assert.That(engine.Evaluate(Facts(Marketing(phi: false)), ["nobody@a.example"]).Rejection, Is.Null);
        Assert.That(engine.Evaluate(Facts(PhiMessage), ["gone@a.example"]).Rejection, Is.Null);

        // No consent store at all: fail closed.
        Assert.That(new PolicyEngine(CompiledPolicy.Default).Evaluate(Facts(Marketing(phi: true)), ["ok@a.example"]).Rejection, Is.Not.Null);
    }

    private sealed class BrokenConsent : IConsentLookup
    {
        public bool HasAuthorization(string recipient, string scope, DateTimeOffset at) => throw new IOException("database is locked");
    }

    [Test]
    public void FailingLookupOrRegexTimeout_Defers451()
    {
        var broken = new PolicyEngine(CompiledPolicy.Default, new BrokenConsent());
        Assert.That(broken.Evaluate(Facts(Marketing(phi: true)), ["a@b.example"]).Rejection, Is.EqualTo(PolicyRejection.TemporaryFailure));

        var policy = PolicyCompiler.Parse("rules:\n  - name: slow\n    match: { subject: '^(a+)+$' }\n    methods: [tls]\n", "p.yaml");
        var facts = new MessageFacts(Envelope(), NotPhi, [new("Subject", new string('a', 40) + "!")]);
        var d = new PolicyEngine(policy).Evaluate(facts, ["a@b.example"]);
        Assert.That(d.Rejection?.ToString(), Is.EqualTo("451 4.3.0 Policy evaluation failed, try again later"));
        Assert.That(d.Explanation, Has.Some.Contains("timed out"));
    }

    [Test]
    public void RequireTlsFromClient_IsCarried()
    {
        var d = new PolicyEngine(CompiledPolicy.Default).Evaluate(Facts(NotPhi, requireTls: true), ["a@b.example"]);
        Assert.That(d.RequireTls, Is.True);
    }

    [Test]
    public async Task AnalyzeAndEvaluate_IssueExample_ExplanationHasNoPhi()
    {
        var engine = new PolicyEngine(CompiledPolicy.Default);
        using var stream = ToStream(Message("Patient: Jane Roe, DOB 04/12/1961, MRN 00482913, dx E11.9", "Jane Roe follow-up"));
        var facts = await engine.AnalyzeAsync(stream, Envelope());
        var d = engine.Evaluate(facts, ["dr@partner.example"]);
        var text = d.Format();
        Assert.Multiple(() =>
        {
            Assert.That(facts.Classification.IsPhi, Is.True);
            Assert.That(facts.Subject, Is.EqualTo("Jane Roe follow-up"));
            Assert.That(text, Does.Contain("methods=smime,pgp,tls-verified,escrow"));
            Assert.That(text, Does.Not.Contain("Jane").And.Not.Contain("00482913").And.Not.Contain("1961"));
        });
    }
}
