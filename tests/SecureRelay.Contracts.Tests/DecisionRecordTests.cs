namespace SecureRelay.Contracts.Tests;

/// <summary>Which methods a recipient gets from a record: recorded, fail closed, or opportunistic for
/// the relay's own PHI-free messages.</summary>
public class DecisionRecordTests
{
    [Test]
    public void Recorded_methods_win_in_order()
    {
        var record = new DecisionRecord
        {
            Verdict = VerdictClass.Phi,
            Recipients = [new RecipientDecisionRecord { Methods = [DeliveryMethod.Pgp, DeliveryMethod.Escrow] }],
        };
        Assert.That(record.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Pgp, DeliveryMethod.Escrow }));
    }

    [TestCase(-1)]
    [TestCase(1)]
    [TestCase(1000)]
    public void A_submitted_recipient_without_a_decision_fails_closed(int index)
    {
        var record = new DecisionRecord { Verdict = VerdictClass.Clean, Recipients = [new RecipientDecisionRecord { Methods = [DeliveryMethod.Opportunistic] }] };
        Assert.That(record.Recipient(index), Is.Null);
        Assert.That(record.MethodsFor(index), Is.EqualTo(new[] { DeliveryMethod.Smime, DeliveryMethod.Pgp, DeliveryMethod.TlsVerified, DeliveryMethod.Escrow }));
    }

    [Test]
    public void An_empty_method_list_fails_closed_too()
    {
        var record = new DecisionRecord { Recipients = [new RecipientDecisionRecord { Rule = "r" }] };
        Assert.That(record.MethodsFor(0), Is.EqualTo(DecisionRecord.FailClosedMethods));
        Assert.That(DecisionRecord.Undecided.MethodsFor(0), Is.EqualTo(DecisionRecord.FailClosedMethods));
    }

    [Test]
    public void Unknown_or_unclassified_verdicts_are_protected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DecisionRecord.Undecided.IsProtected, Is.True);
            Assert.That(new DecisionRecord { Verdict = VerdictClass.Uncertain }.IsProtected, Is.True);
            Assert.That(new DecisionRecord { Verdict = VerdictClass.Phi }.IsProtected, Is.True);
            Assert.That(new DecisionRecord { Verdict = VerdictClass.Clean }.IsProtected, Is.False);
        });
    }

    [Test]
    public void Relay_generated_messages_go_opportunistic_under_the_domains_tls_demand()
    {
        DecisionRecord notice = DecisionRecord.RelayGenerated(MessageOrigin.EscrowNotice, "0000000000AB2", TlsRequirement.Verified);
        DecisionRecord report = DecisionRecord.RelayGenerated(MessageOrigin.DeliveryReport, "0000000000AB1");
        Assert.Multiple(() =>
        {
            Assert.That(notice.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Opportunistic }));
            Assert.That(notice.Recipient(0)!.DomainTls, Is.EqualTo(TlsRequirement.Verified));
            Assert.That(notice.RelatedQueueId, Is.EqualTo("0000000000AB2"));
            Assert.That(notice.Verdict, Is.Null, "never classified");
            Assert.That(report.MethodsFor(0), Is.EqualTo(new[] { DeliveryMethod.Opportunistic }));
            Assert.That(report.Recipients, Is.Empty);
        });
    }

    [Test]
    public void RelayGenerated_refuses_what_only_the_policy_may_decide()
    {
        Assert.Throws<ArgumentException>(() => DecisionRecord.RelayGenerated(MessageOrigin.Submitted, "0000000000AB1"));
        Assert.Throws<ArgumentException>(() => DecisionRecord.RelayGenerated(MessageOrigin.DeliveryReport, ""));
    }
}
