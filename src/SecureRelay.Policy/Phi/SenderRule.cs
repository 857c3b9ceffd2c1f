namespace SecureRelay.Policy.Phi;

/// <summary>A compiled <c>senders:</c> entry: an explicit classification and/or category for all mail
/// of a sender.</summary>
public sealed class SenderRule
{
    /// <summary>Creates a rule; empty condition lists are ignored, all given conditions must hold.</summary>
    public SenderRule(string name, IReadOnlyList<string> senders, IReadOnlyList<string> senderDomains, IReadOnlyList<string> authUsers, bool? isPhi, MessageCategory? category)
    {
        Name = name;
        Senders = senders;
        SenderDomains = senderDomains;
        AuthUsers = authUsers;
        IsPhi = isPhi;
        Category = category;
    }

    /// <summary>Name shown in explanations.</summary>
    public string Name { get; }

    /// <summary>Envelope sender patterns.</summary>
    public IReadOnlyList<string> Senders { get; }

    /// <summary>Envelope sender domain patterns.</summary>
    public IReadOnlyList<string> SenderDomains { get; }

    /// <summary>SMTP AUTH users (exact, case-sensitive).</summary>
    public IReadOnlyList<string> AuthUsers { get; }

    /// <summary>The explicit verdict, or null to leave it to the content.</summary>
    public bool? IsPhi { get; }

    /// <summary>The category to set, or null.</summary>
    public MessageCategory? Category { get; }

    /// <summary>Whether the envelope matches every condition given.</summary>
    public bool Matches(MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return (Senders.Count == 0 || Senders.Any(p => AddressPatterns.MatchesAddress(p, envelope.Sender)))
            && (SenderDomains.Count == 0 || SenderDomains.Any(p => AddressPatterns.MatchesDomain(p, envelope.SenderDomain)))
            && (AuthUsers.Count == 0 || (envelope.AuthenticatedUser is { } u && AuthUsers.Contains(u, StringComparer.Ordinal)));
    }
}
