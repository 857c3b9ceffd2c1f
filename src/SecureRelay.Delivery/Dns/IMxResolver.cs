namespace SecureRelay.Delivery.Dns;

/// <summary>Finds the SMTP servers for a next hop (MX records, or A/AAAA of a host).</summary>
public interface IMxResolver
{
    /// <summary>Resolves <paramref name="name"/>: with <paramref name="useMx"/> its MX hosts in the
    /// order to try them (RFC 5321 §5.1: preference, random among equals, A/AAAA fallback when there
    /// is no MX); otherwise the host's own addresses. Never throws for DNS failures: they are in the
    /// result's <see cref="MxResolution.Status"/>.</summary>
    ValueTask<MxResolution> ResolveAsync(string name, bool useMx, CancellationToken cancellationToken);
}
