namespace SecureRelay.Configuration;

/// <summary>The admin HTTP endpoint (<c>admin:</c>): <c>/metrics</c>, <c>/healthz</c>, the queue API.</summary>
public sealed class AdminConfig
{
    /// <summary><c>address:port</c>; keep it on loopback or a management network.</summary>
    public string Endpoint { get; set; } = "127.0.0.1:9025";
}
