namespace SecureRelay.Policy;

/// <summary>The SMTP envelope facts about a message.</summary>
/// <param name="Sender">MAIL FROM address; empty for the null sender.</param>
/// <param name="AuthenticatedUser">SMTP AUTH user, or null when the client did not authenticate.</param>
/// <param name="Size">Message size in bytes.</param>
public sealed record MessageEnvelope(string Sender, string? AuthenticatedUser, long Size)
{
    /// <summary>The domain of <see cref="Sender"/> in lower case, or empty.</summary>
    public string SenderDomain => AddressPatterns.DomainOf(Sender);
}
