namespace SecureRelay.Delivery;

/// <summary>One transport-map entry: recipient domains and where their mail goes.</summary>
public sealed class DeliveryRoute
{
    /// <summary>Domain patterns: <c>example.com</c> (exact), <c>*.example.com</c> (subdomains only)
    /// or <c>*</c> (everything). Case-insensitive.</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary><c>host:port</c> or <c>[ip]:port</c> (connect directly), <c>[ip]</c>, or <c>host</c>
    /// (MX lookup of that host, like Postfix's <c>relay:host</c>).</summary>
    public string NextHop { get; set; } = string.Empty;
}
