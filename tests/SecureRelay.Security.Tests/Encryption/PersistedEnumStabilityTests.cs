using SecureRelay.Security.Encryption;

namespace SecureRelay.Security.Tests.Encryption;

/// <summary>Key refusal names are written into audit records: never renumbered, never renamed.</summary>
public sealed class PersistedEnumStabilityTests
{
    [Test]
    public void RecipientKeyRefusal_ValuesAndNamesAreFrozen() => Assert.That(
        Enum.GetValues<RecipientKeyRefusal>().Select(r => (r.ToName(), (int)r)),
        Is.EqualTo(new[]
        {
            ("not_configured", 0), ("no_address_match", 1), ("expired", 2), ("not_yet_valid", 3), ("ca_certificate", 4),
            ("key_usage_forbids_encryption", 5), ("extended_key_usage_forbids_email", 6), ("weak_key", 7),
            ("unsupported_algorithm", 8), ("revoked", 9), ("no_encryption_subkey", 10), ("wkd_lookup_failed", 11),
        }));

    [Test]
    public void WkdFailureKind_ValuesAndNamesAreFrozen() => Assert.That(
        Enum.GetValues<WkdFailureKind>().Select(k => (k.ToName(), (int)k)),
        Is.EqualTo(new[] { ("no_such_host", 0), ("connection_failed", 1), ("timeout", 2), ("http_error", 3), ("too_large", 4), ("malformed_key", 5) }));

    [Test]
    public void Every_SmimeCertificateStatus_but_Valid_maps_to_a_distinct_refusal()
    {
        var refusals = Enum.GetValues<SmimeCertificateStatus>().Where(s => s != SmimeCertificateStatus.Valid).Select(SmimeCertificateInfo.ToRefusal).ToList();
        Assert.That(refusals, Is.Unique);
        Assert.That(new KeyProblem(RecipientKeyRefusal.WkdLookupFailed, WkdFailureKind.Timeout).ToString(), Is.EqualTo("wkd_lookup_failed (timeout)"));
    }
}
