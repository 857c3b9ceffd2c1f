namespace SecureRelay.Configuration;

/// <summary>One transport-map entry (<c>routes[]</c>).</summary>
public sealed class RouteConfig
{
    /// <summary>Domain patterns: <c>example.com</c>, <c>*.example.com</c> (subdomains), <c>*</c> (all).</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary><c>host:port</c>, <c>[ip]:port</c>, or <c>host</c> (its MX is looked up).</summary>
    public string NextHop { get; set; } = "";
}
