using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureRelay.Policy;

/// <summary>A compiled rule of <c>policy.yaml</c>: every condition given must hold (lists: any item).</summary>
public sealed class PolicyRule
{
    internal PolicyRule(string name) => Name = name;

    /// <summary>Rule name.</summary>
    public string Name { get; }

    /// <summary>Envelope sender patterns.</summary>
    public IReadOnlyList<string> Senders { get; init; } = [];

    /// <summary>Envelope sender domain patterns.</summary>
    public IReadOnlyList<string> SenderDomains { get; init; } = [];

    /// <summary>SMTP AUTH users.</summary>
    public IReadOnlyList<string> AuthUsers { get; init; } = [];

    /// <summary>Recipient domain patterns.</summary>
    public IReadOnlyList<string> RecipientDomains { get; init; } = [];

    /// <summary>Recipient group names.</summary>
    public IReadOnlyList<string> RecipientGroups { get; init; } = [];

    /// <summary>Header name → regex on its value.</summary>
    public IReadOnlyList<KeyValuePair<string, Regex>> Headers { get; init; } = [];

    /// <summary>Regex on the subject.</summary>
    public Regex? Subject { get; init; }

    /// <summary>Required PHI verdict.</summary>
    public bool? Phi { get; init; }

    /// <summary>Smallest score (inclusive).</summary>
    public double? MinScore { get; init; }

    /// <summary>Largest score (exclusive).</summary>
    public double? MaxScore { get; init; }

    /// <summary>Categories.</summary>
    public IReadOnlyList<MessageCategory> Categories { get; init; } = [];

    /// <summary>Smallest size (inclusive).</summary>
    public long? MinSize { get; init; }

    /// <summary>Largest size (inclusive).</summary>
    public long? MaxSize { get; init; }

    /// <summary>What to do.</summary>
    public RuleAction Action { get; init; }

    /// <summary>Methods in order, or null for the domain/default list.</summary>
    public IReadOnlyList<DeliveryMethod>? Methods { get; init; }

    /// <summary>The reply for <see cref="RuleAction.Reject"/>.</summary>
    public PolicyRejection? Rejection { get; init; }

    /// <summary>Sign S/MIME (null: default).</summary>
    public bool? SignSmime { get; init; }

    /// <summary>Require TLS to the next hop (null: default).</summary>
    public bool? RequireTls { get; init; }

    /// <summary>Whether the rule matches the message for one recipient.</summary>
    public bool Matches(MessageFacts facts, string recipient, IReadOnlyDictionary<string, IReadOnlyList<string>> groups)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(groups);
        var envelope = facts.Envelope;
        var c = facts.Classification;
        return (Senders.Count == 0 || Senders.Any(p => AddressPatterns.MatchesAddress(p, envelope.Sender)))
            && (SenderDomains.Count == 0 || SenderDomains.Any(p => AddressPatterns.MatchesDomain(p, envelope.SenderDomain)))
            && (AuthUsers.Count == 0 || (envelope.AuthenticatedUser is { } user && AuthUsers.Contains(user, StringComparer.Ordinal)))
            && (RecipientDomains.Count == 0 || RecipientDomains.Any(p => AddressPatterns.MatchesDomain(p, AddressPatterns.DomainOf(recipient))))
            && (RecipientGroups.Count == 0 || RecipientGroups.Any(g => groups.TryGetValue(g, out var members) && members.Any(m => AddressPatterns.MatchesAddress(m, recipient))))
            && Headers.All(h => facts.GetHeaders(h.Key).Any(v => h.Value.IsMatch(v)))
            && (Subject is null || Subject.IsMatch(facts.Subject))
            && (Phi is null || Phi == c.IsProtected)
            && (MinScore is null || c.Score >= MinScore)
            && (MaxScore is null || c.Score < MaxScore)
            && (Categories.Count == 0 || Categories.Contains(c.Category))
            && (MinSize is null || envelope.Size >= MinSize)
            && (MaxSize is null || envelope.Size <= MaxSize);
    }

    /// <summary>The conditions in policy syntax, for explanations (<c>phi=true recipient_domain=a.example</c>).</summary>
    public string DescribeConditions()
    {
        static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
        var parts = new List<string>();
        void Add(string key, IEnumerable<string> values)
        {
            var list = values.ToList();
            if (list.Count > 0)
            {
                parts.Add(key + "=" + string.Join(',', list));
            }
        }

        Add("sender", Senders);
        Add("sender_domain", SenderDomains);
        Add("auth_user", AuthUsers);
        Add("recipient_domain", RecipientDomains);
        Add("recipient_group", RecipientGroups);
        parts.AddRange(Headers.Select(h => $"header:{h.Key}=/{h.Value}/"));
        Add("subject", Subject is null ? [] : [$"/{Subject}/"]);
        Add("phi", Phi is null ? [] : [Phi.Value ? "true" : "false"]);
        Add("min_score", MinScore is null ? [] : [Num(MinScore.Value)]);
        Add("max_score", MaxScore is null ? [] : [Num(MaxScore.Value)]);
        Add("category", Categories.Select(c => c.ToName()));
        Add("min_size", MinSize is null ? [] : [Num(MinSize.Value)]);
        Add("max_size", MaxSize is null ? [] : [Num(MaxSize.Value)]);
        return parts.Count == 0 ? "always" : string.Join(' ', parts);
    }
}
