using SecureRelay.Policy.Phi;
using static SecureRelay.Policy.Tests.PolicyTestData;

namespace SecureRelay.Policy.Tests;

/// <summary>The record the policy hands to the spool carries every decided fact, per recipient in
/// envelope order.</summary>
public class PolicyDecisionRecordTests
{
    private static readonly CompiledPolicy Policy = PolicyCompiler.Parse("""
        rules:
          - name: vip
            match: { recipient_domain: [corp.example] }
            methods: [smime, escrow]
            sign_smime: true
          - name: partner
            match: { recipient_domain: [partner.example] }
            methods: [tls-verified, escrow]
            require_tls: true
        domains:
          - domain: strict.example
            require_tls: verified
        """, "p.yaml");

    private static PolicyDecision Evaluate(Classification c, params string[] recipients) =>
        new PolicyEngine(Policy).Evaluate(new MessageFacts(new MessageEnvelope("app@clinic.example", null, 1000), c, [], false), recipients);

    [Test]
    public void Phi_decision_becomes_a_record_per_recipient()
    {
        PolicyDecision decision = Evaluate(PhiMessage with { Category = MessageCategory.Treatment }, "ceo@corp.example", "a@partner.example", "b@strict.example");
        DecisionRecord record = decision.ToRecord();
        Assert.Multiple(() =>
        {
            Assert.That(record.Verdict, Is.EqualTo(VerdictClass.Phi));
            Assert.That(record.Score, Is.EqualTo(PhiMessage.Score));
            Assert.That(record.Detectors, Is.EqualTo(PhiMessage.Detectors));
            Assert.That(record.Category, Is.EqualTo(MessageCategory.Treatment));
            Assert.That(record.Origin, Is.EqualTo(MessageOrigin.Submitted));
            Assert.That(record.Recipients, Has.Count.EqualTo(3));
            Assert.That(record.Recipients[0].Rule, Is.EqualTo("vip"));
            Assert.That(record.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Smime, DeliveryMethod.Escrow }));
            Assert.That(record.Recipients[0].SignSmime, Is.True);
            Assert.That(record.Recipients[1].Rule, Is.EqualTo("partner"));
            Assert.That(record.Recipients[1].RequireTls, Is.True);
            Assert.That(record.Recipients[1].SignSmime, Is.False);
            Assert.That(record.Recipients[2].Rule, Is.EqualTo(decision.Recipients[2].RuleName));
            Assert.That(record.MethodsFor(2), Is.EqualTo(decision.Recipients[2].Methods));
            Assert.That(record.Recipients[2].DomainTls, Is.EqualTo(TlsRequirement.Verified));
            Assert.That(record.Recipients[0].DomainTls, Is.EqualTo(TlsRequirement.None));
        });
    }

    [TestCase(PhiVerdict.Clean, VerdictClass.Clean)]
    [TestCase(PhiVerdict.Uncertain, VerdictClass.Uncertain)]
    [TestCase(PhiVerdict.Phi, VerdictClass.Phi)]
    public void Every_verdict_maps_to_its_class(PhiVerdict verdict, VerdictClass expected)
    {
        DecisionRecord record = Evaluate(NotPhi with { Verdict = verdict }, "x@y.example").ToRecord();
        Assert.That(record.Verdict, Is.EqualTo(expected));
        Assert.That(record.IsProtected, Is.EqualTo(verdict != PhiVerdict.Clean));
        Assert.That(record.Verdict!.Value.ToName(), Is.EqualTo((NotPhi with { Verdict = verdict }).VerdictName), "the audit and the metrics name verdicts alike");
    }
}
