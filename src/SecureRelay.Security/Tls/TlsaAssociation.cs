namespace SecureRelay.Security.Tls;

/// <summary>One TLSA record (RFC 6698): usage, selector, matching type and association data.</summary>
/// <param name="Usage">0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE.</param>
/// <param name="Selector">0 full certificate, 1 SubjectPublicKeyInfo.</param>
/// <param name="MatchingType">0 exact, 1 SHA-256, 2 SHA-512.</param>
/// <param name="Data">The certificate association data.</param>
public sealed record TlsaAssociation(byte Usage, byte Selector, byte MatchingType, ReadOnlyMemory<byte> Data)
{
    /// <summary>DANE-TA(2).</summary>
    public const byte UsageDaneTa = 2;

    /// <summary>DANE-EE(3).</summary>
    public const byte UsageDaneEe = 3;

    /// <summary>
    /// True when SMTP can use the record: RFC 7672 §3.1.3 makes PKIX-TA(0)/PKIX-EE(1) unusable for
    /// SMTP (there is no agreed set of roots), and unknown selectors or matching types are unusable.
    /// </summary>
    public bool IsUsableForSmtp =>
        Usage is UsageDaneTa or UsageDaneEe && Selector is 0 or 1 && MatchingType is 0 or 1 or 2 && Data.Length > 0;

    /// <summary>Presentation form, e.g. <c>3 1 1 ab12…</c>.</summary>
    public override string ToString() => $"{Usage} {Selector} {MatchingType} {Convert.ToHexStringLower(Data.Span)}";
}
