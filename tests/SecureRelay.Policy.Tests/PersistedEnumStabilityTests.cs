using SecureRelay.Policy.Phi;

namespace SecureRelay.Policy.Tests;

/// <summary>Enum values stored with queued messages and audit records must never be renumbered
/// (the contract enums are frozen in SecureRelay.Contracts.Tests).</summary>
public class PersistedEnumStabilityTests
{
    [Test]
    public void ClassificationSource_ValuesAreFrozen() => Assert.That(
        Enum.GetValues<ClassificationSource>().Select(s => (s.ToString(), (int)s)),
        Is.EqualTo(new[] { ("Content", 0), ("Header", 1), ("SubjectTag", 2), ("SenderRule", 3), ("Failure", 4) }));
}
