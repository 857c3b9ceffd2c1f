using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests;

/// <summary>Enum values stored with queued messages and audit records must never be renumbered.</summary>
public class PersistedEnumStabilityTests
{
    [Test]
    public void DeliveryMethod_ValuesAreFrozen() => Assert.That(
        Enum.GetValues<DeliveryMethod>().Select(m => (m.ToName(), (int)m)),
        Is.EqualTo(new[] { ("smime", 1), ("pgp", 2), ("tls-verified", 3), ("tls", 4), ("escrow", 5), ("opportunistic", 6) }));

    [Test]
    public void MessageCategory_ValuesAreFrozen() => Assert.That(
        Enum.GetValues<MessageCategory>().Select(c => (c.ToName(), (int)c)),
        Is.EqualTo(new[] { ("unspecified", 0), ("treatment", 1), ("operations", 2), ("payment", 3), ("marketing", 4) }));

    [Test]
    public void ClassificationSource_ValuesAreFrozen() => Assert.That(
        Enum.GetValues<ClassificationSource>().Select(s => (s.ToString(), (int)s)),
        Is.EqualTo(new[] { ("Content", 0), ("Header", 1), ("SubjectTag", 2), ("SenderRule", 3), ("Failure", 4) }));

    [Test]
    public void MethodNames_RoundTrip()
    {
        foreach (var name in DeliveryMethods.Names)
        {
            Assert.That(DeliveryMethods.TryParse(name, out var m) && m!.Value.ToName() == name, Is.True, name);
        }

        Assert.That(DeliveryMethods.TryParse("TLS", out _), Is.False, "names are exact, lower case");
    }
}
