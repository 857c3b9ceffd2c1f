namespace SecureRelay.Security.Tls;

/// <summary>
/// Remembers per destination what its MX offered (STARTTLS, TLS version, validation method) so the
/// scheduler can pick a method without connecting. In memory now; SQLite-backed later.
/// </summary>
public interface ITlsCapabilityCache
{
    /// <summary>The unexpired capability of <paramref name="destination"/>, or null.</summary>
    ValueTask<TlsCapability?> GetAsync(string destination, CancellationToken cancellationToken);

    /// <summary>Records what a connection observed (replaces the previous entry).</summary>
    ValueTask RecordAsync(TlsCapability capability, CancellationToken cancellationToken);

    /// <summary>Forgets <paramref name="destination"/>.</summary>
    ValueTask InvalidateAsync(string destination, CancellationToken cancellationToken);
}
