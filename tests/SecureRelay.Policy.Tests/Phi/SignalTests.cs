using SecureRelay.Policy.Phi;
using static SecureRelay.Policy.Tests.PolicyTestData;

namespace SecureRelay.Policy.Tests.Phi;

/// <summary>Explicit signals win over content: header, subject tags, sender rules; category sources.</summary>
public class SignalTests
{
    private const string PhiBody = "Patient: Jane Roe, DOB 04/12/1961, MRN 00482913, dx E11.9";

    [Test]
    public async Task Header_Phi_And_None()
    {
        var phi = await Classify(Message("Lunch at noon?", "Hi", (PolicyHeaders.Classification, "PHI")));
        Assert.That((phi.IsPhi, phi.Source), Is.EqualTo((true, ClassificationSource.Header)));
        // Lowering protection is a privilege: by default nobody has it, not even an authenticated user.
        var ignored = await Classify(Message(PhiBody, "Hi", (PolicyHeaders.Classification, "none")), user: "ehr-app");
        Assert.That((ignored.IsPhi, ignored.Source), Is.EqualTo((true, ClassificationSource.Content)), ignored.ToString());

        var allowing = PolicyCompiler.Parse("classifier:\n  allow_none_header: [ehr-app]\n  limits: { timeout_ms: 60000 }\n", "p.yaml").Classifier;
        var none = await Classify(Message(PhiBody, "Hi", (PolicyHeaders.Classification, "none")), allowing, user: "ehr-app");
        Assert.That((none.Verdict, none.Source), Is.EqualTo((PhiVerdict.Clean, ClassificationSource.Header)));

        // Another user, or an unauthenticated client in relay_networks, is not allowed.
        foreach (var user in new string?[] { "other-app", null })
        {
            var refused = await Classify(Message(PhiBody, "Hi", (PolicyHeaders.Classification, "none")), allowing, user);
            Assert.That((refused.IsPhi, refused.Source), Is.EqualTo((true, ClassificationSource.Content)), refused.ToString());
        }
    }

    [TestCase("[secure] documents")]
    [TestCase("Re: results [ENCRYPT]")]
    public async Task SubjectTag_IsPhi(string subject)
    {
        var c = await Classify(Message("See you Tuesday.", subject));
        Assert.That((c.IsPhi, c.Source, c.Detectors[0]), Is.EqualTo((true, ClassificationSource.SubjectTag, "subject_tag")));
    }

    [Test]
    public async Task SubjectTag_WinsOverNoneHeader()
    {
        var c = await Classify(Message("x", "[secure] x", (PolicyHeaders.Classification, "none")));
        Assert.That(c.IsPhi, Is.True);
    }

    [Test]
    public async Task SenderRules_SetVerdictAndCategory()
    {
        var classifier = PolicyCompiler.Parse("""
            classifier:
              limits: { timeout_ms: 60000 }
            senders:
              - name: ehr
                auth_user: [ehr-app]
                classification: phi
                category: treatment
              - name: news
                sender_domain: [news.example]
                category: marketing
            """, "p.yaml").Classifier;
        var message = Message("Hello there.");
        var ehr = await classifier.ClassifyAsync(message, new MessageEnvelope("x@anything.example", "ehr-app", 10));
        Assert.That((ehr.IsPhi, ehr.Source, ehr.Category, ehr.Detectors[0]), Is.EqualTo((true, ClassificationSource.SenderRule, MessageCategory.Treatment, "sender_rule:ehr")));

        var news = await classifier.ClassifyAsync(Message(PhiBody), new MessageEnvelope("a@news.example", null, 10));
        Assert.That((news.IsPhi, news.Source, news.Category), Is.EqualTo((true, ClassificationSource.Content, MessageCategory.Marketing)));

        var other = await classifier.ClassifyAsync(message, new MessageEnvelope("x@anything.example", "other", 10));
        Assert.That((other.IsPhi, other.Category), Is.EqualTo((false, MessageCategory.Unspecified)));
    }

    [Test]
    public async Task CategoryHeader_WinsOverSenderRule_InvalidIsIgnored()
    {
        var classifier = PolicyCompiler.Parse("senders:\n  - sender_domain: [news.example]\n    category: marketing\n", "p.yaml").Classifier;
        var env = new MessageEnvelope("a@news.example", null, 10);
        var c = await classifier.ClassifyAsync(Message("x", "y", (PolicyHeaders.Category, "Payment")), env);
        Assert.That(c.Category, Is.EqualTo(MessageCategory.Payment));
        var bad = await classifier.ClassifyAsync(Message("x", "y", (PolicyHeaders.Category, "spam")), env);
        Assert.That(bad.Category, Is.EqualTo(MessageCategory.Marketing));
    }

    [Test]
    public void OurHeaders_AreListedForRemoval() =>
        Assert.That(PolicyHeaders.All, Is.EquivalentTo(new[] { "X-SecureRelay-Classification", "X-SecureRelay-Category" }));

    [Test]
    public async Task UnparsableStream_FailsClosed_AndFactsHaveNoHeaders()
    {
        var policy = PolicyCompiler.Parse("classifier:\n  limits: { max_message_bytes: 10 }\n", "p.yaml");
        using var stream = new MemoryStream(Utf8("Subject: hi\r\n\r\nbody that is longer than ten bytes\r\n"));
        var facts = await new PolicyEngine(policy).AnalyzeAsync(stream, Envelope());
        Assert.That((facts.Classification.Verdict, facts.Headers.Count), Is.EqualTo((PhiVerdict.Uncertain, 0)));
    }
}
