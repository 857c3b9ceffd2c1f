using System.Globalization;

namespace SecureRelay.Policy;

/// <summary>
/// How a policy decision travels with a message: the host writes these keys into the spool
/// envelope's annotations at acceptance (before <c>250</c>), delivery reads them per recipient.
/// Values are names and verdicts only, never matched text. Persisted: keys and value spellings are
/// frozen.
/// </summary>
public static class PolicyAnnotations
{
    /// <summary><c>true</c> when the message must be protected: the classifier (or an explicit signal)
    /// found PHI or could not rule it out (uncertain).</summary>
    public const string Phi = "phi";

    /// <summary>The verdict class: <c>clean</c>, <c>uncertain</c> or <c>phi</c>.</summary>
    public const string Verdict = "phi_verdict";

    /// <summary>The classifier score, invariant culture.</summary>
    public const string Score = "phi_score";

    /// <summary>Names of the detectors that fired, comma separated.</summary>
    public const string Detectors = "phi_detectors";

    /// <summary><c>treatment</c> | <c>operations</c> | <c>payment</c> | <c>marketing</c>.</summary>
    public const string Category = "category";

    /// <summary>Set to <c>internal</c> on messages the relay itself generates (DSNs, escrow notices):
    /// they carry no PHI and go <c>opportunistic</c>.</summary>
    public const string Origin = "origin";

    /// <summary>The <see cref="Origin"/> value of relay-generated messages.</summary>
    public const string InternalOrigin = "internal";

    /// <summary>The ordered methods of recipient <paramref name="index"/>, comma separated names
    /// (<see cref="DeliveryMethods.Names"/>).</summary>
    public static string MethodsKey(int index) => "methods." + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rule that decided recipient <paramref name="index"/>.</summary>
    public static string RuleKey(int index) => "rule." + index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>true</c> when recipient <paramref name="index"/>'s S/MIME copy is to be signed.</summary>
    public static string SignSmimeKey(int index) => "sign_smime." + index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>true</c> when recipient <paramref name="index"/> must go with REQUIRETLS (RFC 8689).</summary>
    public static string RequireTlsKey(int index) => "require_tls." + index.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>any</c> or <c>verified</c> when recipient <paramref name="index"/>'s domain settings
    /// demand TLS for every method (absent = no domain requirement).</summary>
    public static string DomainTlsKey(int index) => "domain_tls." + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The methods used when a message carries no decision for a recipient and is not
    /// relay-generated: fail closed, as for PHI.</summary>
    public static IReadOnlyList<DeliveryMethod> FailClosedMethods { get; } =
        [DeliveryMethod.Smime, DeliveryMethod.Pgp, DeliveryMethod.TlsVerified, DeliveryMethod.Escrow];

    /// <summary>The annotations for a decision (recipients in envelope order).</summary>
    public static Dictionary<string, string> From(PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var c = decision.Classification;
        var a = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Phi] = c.IsProtected ? "true" : "false",
            [Verdict] = c.VerdictName,
            [Score] = c.Score.ToString("0.###", CultureInfo.InvariantCulture),
            [Detectors] = string.Join(',', c.Detectors),
            [Category] = c.Category.ToString().ToLowerInvariant(),
        };
        for (var i = 0; i < decision.Recipients.Count; i++)
        {
            var r = decision.Recipients[i];
            a[MethodsKey(i)] = string.Join(',', r.Methods.Select(m => m.ToName()));
            a[RuleKey(i)] = r.RuleName;
            if (r.SignSmime)
            {
                a[SignSmimeKey(i)] = "true";
            }

            if (r.RequireTls)
            {
                a[RequireTlsKey(i)] = "true";
            }

            if (r.Domain?.RequireTls is { } tls && tls != TlsRequirement.None)
            {
                a[DomainTlsKey(i)] = tls == TlsRequirement.Verified ? "verified" : "any";
            }
        }

        return a;
    }

    /// <summary>The ordered methods for recipient <paramref name="index"/>: the recorded ones;
    /// <c>opportunistic</c> for relay-generated messages; otherwise <see cref="FailClosedMethods"/>.</summary>
    public static IReadOnlyList<DeliveryMethod> MethodsFor(IReadOnlyDictionary<string, string> annotations, int index)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        if (annotations.TryGetValue(MethodsKey(index), out var text))
        {
            var list = new List<DeliveryMethod>();
            foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (DeliveryMethods.TryParse(name, out var m))
                {
                    list.Add(m.Value);
                }
            }

            if (list.Count > 0)
            {
                return list;
            }
        }

        return annotations.TryGetValue(Origin, out var origin) && origin == InternalOrigin
            ? [DeliveryMethod.Opportunistic]
            : FailClosedMethods;
    }

    /// <summary>True when <paramref name="key"/> is set to <c>true</c>.</summary>
    public static bool IsSet(IReadOnlyDictionary<string, string> annotations, string key) =>
        annotations is not null && annotations.TryGetValue(key, out var v) && v == "true";
}
