namespace SecureRelay.Delivery.Dns;

/// <summary>How a next-hop resolution ended; decides bounce or defer.</summary>
public enum MxStatus
{
    /// <summary>Hosts were found.</summary>
    Ok = 0,
    /// <summary>The domain publishes a null MX (RFC 7505): bounce with 5.1.10.</summary>
    NullMx = 1,
    /// <summary>NXDOMAIN, or no MX and no address: bounce with 5.1.2.</summary>
    NoSuchDomain = 2,
    /// <summary>SERVFAIL, timeout or another temporary error: defer.</summary>
    TemporaryFailure = 3,
}
