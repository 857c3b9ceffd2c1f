namespace SecureRelay.Security.Encryption;

/// <summary>The stable snake_case names of <see cref="RecipientKeyRefusal"/> and <see cref="WkdFailureKind"/>.</summary>
public static class KeyRefusalNames
{
    /// <summary>Every refusal name, in enum order.</summary>
    public static IReadOnlyList<string> Refusals { get; } = [.. Enum.GetValues<RecipientKeyRefusal>().Select(r => r.ToName())];

    /// <summary>The persisted name of a refusal.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined value.</exception>
    public static string ToName(this RecipientKeyRefusal refusal) => refusal switch
    {
        RecipientKeyRefusal.NotConfigured => "not_configured",
        RecipientKeyRefusal.NoAddressMatch => "no_address_match",
        RecipientKeyRefusal.Expired => "expired",
        RecipientKeyRefusal.NotYetValid => "not_yet_valid",
        RecipientKeyRefusal.CaCertificate => "ca_certificate",
        RecipientKeyRefusal.KeyUsageForbidsEncryption => "key_usage_forbids_encryption",
        RecipientKeyRefusal.ExtendedKeyUsageForbidsEmail => "extended_key_usage_forbids_email",
        RecipientKeyRefusal.WeakKey => "weak_key",
        RecipientKeyRefusal.UnsupportedAlgorithm => "unsupported_algorithm",
        RecipientKeyRefusal.Revoked => "revoked",
        RecipientKeyRefusal.NoEncryptionSubkey => "no_encryption_subkey",
        RecipientKeyRefusal.WkdLookupFailed => "wkd_lookup_failed",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };

    /// <summary>The persisted name of a WKD failure kind.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined value.</exception>
    public static string ToName(this WkdFailureKind kind) => kind switch
    {
        WkdFailureKind.NoSuchHost => "no_such_host",
        WkdFailureKind.ConnectionFailed => "connection_failed",
        WkdFailureKind.Timeout => "timeout",
        WkdFailureKind.HttpError => "http_error",
        WkdFailureKind.TooLarge => "too_large",
        WkdFailureKind.MalformedKey => "malformed_key",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
