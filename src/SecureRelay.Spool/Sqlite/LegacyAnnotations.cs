using System.Globalization;
using SecureRelay.Contracts;

namespace SecureRelay.Spool.Sqlite;

/// <summary>
/// Reads the decision of an envelope written in format 1, where the policy decision travelled as
/// string annotations keyed by recipient index (<c>methods.0</c>, <c>require_tls.0</c>…). Mail
/// queued before an upgrade is delivered exactly as it was decided: the same methods (unknown names
/// skipped, none left = the record's fallback), the same flags (set only by <c>true</c>), the same
/// domain TLS demand. Keys and spellings are frozen here; nothing writes them any more.
/// </summary>
internal static class LegacyAnnotations
{
    private const string Phi = "phi";
    private const string Verdict = "phi_verdict";
    private const string Score = "phi_score";
    private const string Detectors = "phi_detectors";
    private const string Category = "category";
    private const string Origin = "origin";
    private const string InternalOrigin = "internal";
    private const string DsnFor = "dsn_for";
    private const string EscrowFor = "escrow_for";
    private const string EightBit = "content.8bit";
    private const string LongestLine = "content.longest_line";

    /// <summary>The decision recorded in <paramref name="a"/> for an envelope of
    /// <paramref name="recipientCount"/> recipients.</summary>
    public static DecisionRecord ToDecision(IReadOnlyDictionary<string, string> a, int recipientCount)
    {
        var recipients = new RecipientDecisionRecord[recipientCount];
        for (int i = 0; i < recipientCount; i++)
        {
            string n = i.ToString(CultureInfo.InvariantCulture);
            recipients[i] = new RecipientDecisionRecord
            {
                Rule = a.GetValueOrDefault("rule." + n),
                Methods = Methods(a.GetValueOrDefault("methods." + n)),
                SignSmime = a.GetValueOrDefault("sign_smime." + n) == "true",
                RequireTls = a.GetValueOrDefault("require_tls." + n) == "true",
                DomainTls = a.GetValueOrDefault("domain_tls." + n) switch
                {
                    "verified" => TlsRequirement.Verified,
                    "any" => TlsRequirement.Any,
                    _ => TlsRequirement.None,
                },
            };
        }

        return new DecisionRecord
        {
            Verdict = VerdictOf(a),
            Score = double.TryParse(a.GetValueOrDefault(Score), NumberStyles.Float, CultureInfo.InvariantCulture, out double score) ? score : 0,
            Detectors = a.GetValueOrDefault(Detectors)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
            Category = MessageCategories.TryParse(a.GetValueOrDefault(Category), out MessageCategory category) ? category : MessageCategory.Unspecified,
            Origin = a.GetValueOrDefault(Origin) != InternalOrigin ? MessageOrigin.Submitted
                : a.ContainsKey(DsnFor) ? MessageOrigin.DeliveryReport
                : a.ContainsKey(EscrowFor) ? MessageOrigin.EscrowNotice
                : MessageOrigin.RelayGenerated,
            RelatedQueueId = a.GetValueOrDefault(DsnFor) ?? a.GetValueOrDefault(EscrowFor),
            // A recipient without keys has no methods: DecisionRecord.MethodsFor falls back as before.
            Recipients = recipients,
        };
    }

    /// <summary>The content facts, or null when absent or malformed (as format 1 readers treated them).</summary>
    public static ContentFacts? ToContentFacts(IReadOnlyDictionary<string, string> a) =>
        a.TryGetValue(EightBit, out string? eight) && eight is "0" or "1"
        && a.TryGetValue(LongestLine, out string? longest)
        && long.TryParse(longest, NumberStyles.None, CultureInfo.InvariantCulture, out long n)
            ? new ContentFacts(eight == "1", n)
            : null;

    private static DeliveryMethod[] Methods(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var list = new List<DeliveryMethod>();
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DeliveryMethods.TryParse(name, out DeliveryMethod? m))
            {
                list.Add(m.Value);
            }
        }

        return [.. list];
    }

    /// <summary><c>phi_verdict</c>; failing that, the older protected flag <c>phi</c> (from before
    /// the uncertain class, when <c>true</c> meant PHI).</summary>
    private static VerdictClass? VerdictOf(IReadOnlyDictionary<string, string> a) =>
        VerdictClasses.TryParse(a.GetValueOrDefault(Verdict), out VerdictClass v) ? v
        : a.GetValueOrDefault(Phi) switch
        {
            "true" => VerdictClass.Phi,
            "false" => VerdictClass.Clean,
            _ => null,
        };
}
