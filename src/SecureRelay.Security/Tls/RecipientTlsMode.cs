namespace SecureRelay.Security.Tls;

/// <summary>What a destination (or one of its MX hosts) publishes about TLS; strongest first in preference: DANE, MTA-STS, none.</summary>
public enum RecipientTlsMode
{
    /// <summary>Nothing published: PKIX is the only authentication available.</summary>
    None = 0,

    /// <summary>MTA-STS <c>testing</c>: failures are reported, not enforced.</summary>
    MtaStsTesting = 1,

    /// <summary>MTA-STS <c>enforce</c>: the MX must be listed and its certificate must validate by PKIX.</summary>
    MtaStsEnforce = 2,

    /// <summary>DANE: authenticated TLSA records exist; the certificate must match one.</summary>
    DaneRequired = 3,
}
