namespace SecureRelay.Contracts.Tests;

/// <summary>Enum values stored in decision records (by number) and audit records (by name) must never
/// be renumbered or renamed (Garnet's PersistedEnumStabilityTests).</summary>
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
    public void VerdictClass_ValuesAreFrozen() => Assert.That(
        Enum.GetValues<VerdictClass>().Select(v => (v.ToName(), (int)v)),
        Is.EqualTo(new[] { ("clean", 0), ("uncertain", 1), ("phi", 2) }));

    [Test]
    public void MessageOrigin_ValuesAreFrozen() => Assert.That(
        Enum.GetValues<MessageOrigin>().Select(o => (o.ToString(), (int)o)),
        Is.EqualTo(new[] { ("Submitted", 0), ("DeliveryReport", 1), ("EscrowNotice", 2), ("RelayGenerated", 3) }));

    [Test]
    public void TlsRequirement_ValuesAreFrozen() => Assert.That(
        Enum.GetValues<TlsRequirement>().Select(t => (t.ToString(), (int)t)),
        Is.EqualTo(new[] { ("None", 0), ("Any", 1), ("Verified", 2) }));

    [Test]
    public void DecisionRecord_VersionIsFrozen() => Assert.That(DecisionRecord.CurrentVersion, Is.EqualTo(1));

    [Test]
    public void MethodNames_RoundTrip()
    {
        foreach (var name in DeliveryMethods.Names)
        {
            Assert.That(DeliveryMethods.TryParse(name, out var m) && m!.Value.ToName() == name, Is.True, name);
        }

        Assert.That(DeliveryMethods.TryParse("TLS", out _), Is.False, "names are exact, lower case");
    }

    [Test]
    public void VerdictNames_RoundTrip()
    {
        foreach (VerdictClass v in Enum.GetValues<VerdictClass>())
        {
            Assert.That(VerdictClasses.TryParse(v.ToName(), out VerdictClass back) && back == v, Is.True, v.ToString());
        }

        Assert.That(VerdictClasses.TryParse("PHI", out _), Is.False, "names are exact, lower case");
        Assert.That(VerdictClasses.TryParse(null, out _), Is.False);
    }
}
