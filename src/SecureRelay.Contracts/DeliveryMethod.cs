namespace SecureRelay.Contracts;

/// <summary>A way to deliver to one recipient. Policies give an ordered list; the first the recipient
/// can receive wins. Numeric values are persisted with queued messages: never renumber.</summary>
public enum DeliveryMethod
{
    /// <summary>S/MIME enveloped (<c>smime</c>).</summary>
    Smime = 1,

    /// <summary>PGP/MIME encrypted (<c>pgp</c>).</summary>
    Pgp = 2,

    /// <summary>STARTTLS with an authenticated certificate: DANE, MTA-STS enforce or PKIX (<c>tls-verified</c>).</summary>
    TlsVerified = 3,

    /// <summary>STARTTLS, certificate not authenticated (<c>tls</c>).</summary>
    Tls = 4,

    /// <summary>Stored encrypted; the recipient gets a notice with a portal link (<c>escrow</c>).</summary>
    Escrow = 5,

    /// <summary>TLS if offered, else plaintext; never used for PHI (<c>opportunistic</c>).</summary>
    Opportunistic = 6,
}
