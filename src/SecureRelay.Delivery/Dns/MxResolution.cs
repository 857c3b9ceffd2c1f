namespace SecureRelay.Delivery.Dns;

/// <summary>The outcome of resolving a next hop.</summary>
/// <param name="Status">Success or the kind of failure.</param>
/// <param name="Hosts">Hosts in the order to try them (empty unless <see cref="MxStatus.Ok"/>).</param>
/// <param name="Error">What went wrong, for logs and DSN diagnostics.</param>
public sealed record MxResolution(MxStatus Status, IReadOnlyList<MxHost> Hosts, string? Error)
{
    /// <summary>A failed resolution.</summary>
    public static MxResolution Failed(MxStatus status, string error) => new(status, [], error);
}
