using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SecureRelay.Configuration;

/// <summary>The admin HTTP endpoint (<c>admin:</c>): <c>/metrics</c>, <c>/healthz</c>, the queue API.</summary>
public sealed class AdminConfig
{
    /// <summary><c>address:port</c>; keep it on loopback or a management network (plain HTTP).</summary>
    public IPEndPoint Endpoint { get; set; } = IPEndPoint.Parse("127.0.0.1:9025");

    /// <summary>File of bearer tokens for <c>/api</c>, one per line (several allow rotation; the CLI
    /// uses the first). Unset: <c>data_dir/admin.token</c>, generated on first run. Mode 0600.</summary>
    [DataType(ConfigKey.PathDataType)]
    public string? TokenFile { get; set; }

    /// <summary>Host names (besides the endpoint's address and loopback) that <c>/api</c> requests
    /// may carry in <c>Host:</c>/<c>Origin:</c>; anything else gets 403 (DNS rebinding).</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Checks the section: one (key relative to <c>admin:</c>, message) pair per problem.</summary>
    public IEnumerable<(string Key, string Message)> Validate()
    {
        for (var i = 0; i < AllowedHosts.Count; i++)
        {
            if (!RelayConfig.IsDomainName(AllowedHosts[i]) && !IPAddress.TryParse(AllowedHosts[i], out _))
            {
                yield return ($"allowed_hosts[{i}]", $"'{AllowedHosts[i]}' is not a host name or IP address");
            }
        }
    }
}
